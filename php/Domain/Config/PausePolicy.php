<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Text;

/**
 * What happens to each kind of job when a category's switch trips. Shown in the UI, enforced by the gates.
 */
final class PausePolicy
{
    public const RUNNING = ['finish', 'stop_at_checkpoint'];
    public const QUEUED = ['hold', 'cancel'];
    public const SCHEDULED = ['skip', 'hold'];
    public const RETRYING = ['hold', 'cancel'];

    public function __construct(
        public readonly string $running = 'stop_at_checkpoint',
        public readonly string $queued = 'hold',
        public readonly string $scheduled = 'skip',
        public readonly string $retrying = 'hold',
        public readonly string $cleanup_notes = '',
        public readonly ?int $restart_owner_id = null,
    ) {
        self::assert_one_of('running', $running, self::RUNNING);
        self::assert_one_of('queued', $queued, self::QUEUED);
        self::assert_one_of('scheduled', $scheduled, self::SCHEDULED);
        self::assert_one_of('retrying', $retrying, self::RETRYING);
    }

    /** @param array<string,mixed> $changes */
    public function with(array $changes): self
    {
        $known = ['running', 'queued', 'scheduled', 'retrying', 'cleanup_notes', 'restart_owner_id'];
        foreach (array_keys($changes) as $key) {
            if (!in_array($key, $known, true)) {
                throw new InvalidInput('sophmate_invalid_policy', sprintf('Unknown policy field "%s". Known: %s.', Text::clip((string) $key, 40), implode(', ', $known)));
            }
        }
        $owner = array_key_exists('restart_owner_id', $changes) ? $changes['restart_owner_id'] : $this->restart_owner_id;
        return new self(
            self::string_field($changes, 'running', $this->running),
            self::string_field($changes, 'queued', $this->queued),
            self::string_field($changes, 'scheduled', $this->scheduled),
            self::string_field($changes, 'retrying', $this->retrying),
            Text::note(self::string_field($changes, 'cleanup_notes', $this->cleanup_notes)),
            $owner === null || $owner === 0 ? null : (int) $owner,
        );
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'running' => $this->running,
            'queued' => $this->queued,
            'scheduled' => $this->scheduled,
            'retrying' => $this->retrying,
            'cleanup_notes' => $this->cleanup_notes,
            'restart_owner_id' => $this->restart_owner_id,
        ];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data, ?self $defaults = null): self
    {
        $base = $defaults ?? new self();
        try {
            return $base->with(array_intersect_key($data, array_flip(['running', 'queued', 'scheduled', 'retrying', 'cleanup_notes', 'restart_owner_id'])));
        } catch (InvalidInput) {
            // Stored config that no longer validates falls back to the defaults rather than breaking the site.
            return $base;
        }
    }

    /** @param array<string,mixed> $changes */
    private static function string_field(array $changes, string $key, string $current): string
    {
        if (!array_key_exists($key, $changes)) {
            return $current;
        }
        if (!is_string($changes[$key])) {
            throw new InvalidInput('sophmate_invalid_policy', sprintf('policy.%s must be a string.', $key));
        }
        return $changes[$key];
    }

    /** @param list<string> $allowed */
    private static function assert_one_of(string $field, string $value, array $allowed): void
    {
        if (!in_array($value, $allowed, true)) {
            throw new InvalidInput(
                'sophmate_invalid_policy',
                sprintf('policy.%s must be one of %s; got "%s".', $field, implode(', ', $allowed), Text::clip($value, 40))
            );
        }
    }
}
