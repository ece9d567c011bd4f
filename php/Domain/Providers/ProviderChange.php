<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Providers;

/**
 * What a save did to a provider: its status changed, its configuration (label, hosts, status URL)
 * changed, both or neither. Poll bookkeeping (last poll time, last error) is neither: it must not
 * trigger reviews or audit entries on every cron run.
 */
final class ProviderChange
{
    /** @param list<string> $config_fields */
    private function __construct(
        public readonly ?Provider $before,
        public readonly ?Provider $after,
        public readonly bool $status_changed,
        public readonly array $config_fields,
    ) {
    }

    /** $before null: created; $after null: deleted. */
    public static function between(?Provider $before, ?Provider $after): self
    {
        if ($before === null && $after === null) {
            throw new \LogicException('A provider change needs a before or an after.');
        }
        $config = [];
        if ($before === null || $after === null) {
            $config = Provider::CONFIG_FIELDS;
        } else {
            foreach (Provider::CONFIG_FIELDS as $field) {
                if ($before->{$field} !== $after->{$field}) {
                    $config[] = $field;
                }
            }
        }
        $status_changed = $after !== null && ($before->status ?? 'unknown') !== $after->status;
        return new self($before, $after, $status_changed, $config);
    }

    public function config_changed(): bool
    {
        return $this->config_fields !== [];
    }

    public function is_creation(): bool
    {
        return $this->before === null;
    }

    public function is_deletion(): bool
    {
        return $this->after === null;
    }

    public function changed_anything(): bool
    {
        return $this->status_changed || $this->config_changed();
    }

    /**
     * The kinds of change to announce, config first (a PUT that renames a provider and marks it
     * down is two events), each as the `$change` argument of sophmate_safe_mode_provider_changed.
     *
     * @return list<'config'|'status'>
     */
    public function kinds(): array
    {
        $kinds = [];
        if ($this->config_changed()) {
            $kinds[] = 'config';
        }
        if ($this->status_changed) {
            $kinds[] = 'status';
        }
        return $kinds;
    }

    /** @return array<string,mixed> the before state as the seam passes it ([] when created) */
    public function before_array(): array
    {
        return $this->before?->to_array() ?? [];
    }

    /** @return array<string,mixed> the after state as the seam passes it ([] when deleted) */
    public function after_array(): array
    {
        return $this->after?->to_array() ?? [];
    }
}
