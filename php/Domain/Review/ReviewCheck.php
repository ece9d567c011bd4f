<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Review;

/** One item of the restart review: an acknowledgement id, whether it looks clean, and why not. */
final class ReviewCheck
{
    public function __construct(
        public readonly string $id,
        public readonly string $label,
        public readonly bool $ok,
        public readonly string $detail,
    ) {
    }

    /** @return array{id:string,label:string,ok:bool,detail:string} */
    public function to_array(): array
    {
        return ['id' => $this->id, 'label' => $this->label, 'ok' => $this->ok, 'detail' => $this->detail];
    }
}
