<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

use SophMate\SafeMode\Domain\Exception\InvalidInput;

/** How often a failed cron run of an automation is tried again, and how long to wait in between. */
final class RetryPolicy
{
    public function __construct(
        public readonly int $max_attempts,
        public readonly int $backoff_seconds,
    ) {
    }

    /** @param mixed $input */
    public static function from_input($input): ?self
    {
        if ($input === null) {
            return null;
        }
        if (!is_array($input)) {
            throw new InvalidInput('sophmate_invalid_retry', 'retry must be an object { max_attempts, backoff_seconds }.');
        }
        $max = $input['max_attempts'] ?? null;
        $backoff = $input['backoff_seconds'] ?? 60;
        if (!is_int($max) || $max < 1 || $max > 10) {
            throw new InvalidInput('sophmate_invalid_retry', 'retry.max_attempts must be a whole number from 1 to 10 (1 = no retry).');
        }
        if (!is_int($backoff) || $backoff < 10 || $backoff > 86400) {
            throw new InvalidInput('sophmate_invalid_retry', 'retry.backoff_seconds must be from 10 to 86400.');
        }
        return new self($max, $backoff);
    }

    /** Seconds to wait before the given attempt (2, 3, …): the backoff grows linearly. */
    public function delay_before(int $attempt): int
    {
        return $this->backoff_seconds * max(1, $attempt - 1);
    }

    public function allows(int $attempt): bool
    {
        return $attempt <= $this->max_attempts;
    }

    /** @return array{max_attempts:int,backoff_seconds:int} */
    public function to_array(): array
    {
        return ['max_attempts' => $this->max_attempts, 'backoff_seconds' => $this->backoff_seconds];
    }
}
