<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Audit;

final class ChainVerification
{
    public function __construct(
        public readonly bool $ok,
        public readonly int $checked,
        public readonly ?int $first_bad_id = null,
    ) {
    }

    /** @return array{ok:bool,checked:int,first_bad_id:int|null} */
    public function to_array(): array
    {
        return ['ok' => $this->ok, 'checked' => $this->checked, 'first_bad_id' => $this->first_bad_id];
    }
}
