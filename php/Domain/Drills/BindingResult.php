<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Drills;

/**
 * What happened when a drill exercised one binding: held (passed), got through (failed), or
 * could not be exercised at all (passed = null, with the reason in detail).
 */
final class BindingResult
{
    private function __construct(
        public readonly DrillBinding $binding,
        public readonly ?bool $passed,
        public readonly string $detail,
    ) {
    }

    public static function held(DrillBinding $binding, string $detail): self
    {
        return new self($binding, true, $detail);
    }

    public static function got_through(DrillBinding $binding, string $detail): self
    {
        return new self($binding, false, $detail);
    }

    public static function not_exercised(DrillBinding $binding, string $why): self
    {
        return new self($binding, null, $why);
    }

    public function exercised(): bool
    {
        return $this->passed !== null;
    }

    /** @return array{automation:string,type:string,target:string,exercised:bool,passed:bool|null,detail:string} */
    public function to_array(): array
    {
        return $this->binding->to_array() + ['exercised' => $this->exercised(), 'passed' => $this->passed, 'detail' => $this->detail];
    }
}
