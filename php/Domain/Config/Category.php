<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

/** A group of automations with one owner, one pause policy and one set of breakers and providers. */
final class Category
{
    /**
     * @param list<string> $providers
     * @param array{emails:list<string>,webhooks:list<string>} $notify
     * @param array<string,mixed> $breakers
     */
    public function __construct(
        public readonly string $slug,
        public readonly string $label,
        public readonly string $description,
        public readonly bool $builtin,
        public readonly ?int $owner_id,
        public readonly ?int $backup_owner_id,
        public readonly PausePolicy $policy,
        public readonly int $review_every_days = 30,
        public readonly array $providers = [],
        public readonly array $notify = ['emails' => [], 'webhooks' => []],
        public readonly array $breakers = [],
    ) {
    }

    /** The validated breakers (defaults for anything missing). */
    public function breaker_config(): \SophMate\SafeMode\Domain\Breakers\BreakerConfig
    {
        return \SophMate\SafeMode\Domain\Breakers\BreakerConfig::from_array($this->breakers);
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'slug' => $this->slug,
            'label' => $this->label,
            'description' => $this->description,
            'builtin' => $this->builtin,
            'owner_id' => $this->owner_id,
            'backup_owner_id' => $this->backup_owner_id,
            'policy' => $this->policy->to_array(),
            'review_every_days' => $this->review_every_days,
            'providers' => $this->providers,
            'notify' => $this->notify,
            'breakers' => (object) $this->breakers,
        ];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data, ?self $defaults = null): self
    {
        $notify = (array) ($data['notify'] ?? $defaults?->notify ?? []);
        return new self(
            (string) $data['slug'],
            (string) ($data['label'] ?? $defaults?->label ?? $data['slug']),
            (string) ($data['description'] ?? $defaults?->description ?? ''),
            (bool) ($data['builtin'] ?? $defaults?->builtin ?? false),
            self::user_id($data['owner_id'] ?? $defaults?->owner_id),
            self::user_id($data['backup_owner_id'] ?? $defaults?->backup_owner_id),
            PausePolicy::from_array((array) ($data['policy'] ?? []), $defaults?->policy),
            max(1, (int) ($data['review_every_days'] ?? $defaults?->review_every_days ?? 30)),
            array_values(array_map('strval', (array) ($data['providers'] ?? $defaults?->providers ?? []))),
            [
                'emails' => array_values(array_map('strval', (array) ($notify['emails'] ?? []))),
                'webhooks' => array_values(array_map('strval', (array) ($notify['webhooks'] ?? []))),
            ],
            (array) ($data['breakers'] ?? $defaults?->breakers ?? []),
        );
    }

    /** @param mixed $id */
    private static function user_id($id): ?int
    {
        return is_numeric($id) && (int) $id > 0 ? (int) $id : null;
    }
}
