<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Text;

/**
 * One governed automation: what it is, who owns it, how ready it is, and what it is bound to
 * (cron hooks, inbound REST routes, provider hosts).
 */
final class AutomationDefinition
{
    public const CHECKLIST_FIELDS = ['trigger', 'input_data', 'output', 'approval', 'retry', 'failure_notification'];

    /**
     * @param list<string> $cron_hooks
     * @param list<string> $rest_routes
     * @param list<string> $providers
     * @param array<string,string> $checklist
     * @param array<string,mixed>|null $breakers this automation's own breaker kinds (override the category's)
     * @param array{option?:string,filter?:string}|null $freshness where the stale-context breaker reads the last successful sync
     * @param list<string> $customer_facing "type:action" pairs of touched() calls that reach customers
     */
    public function __construct(
        public readonly string $id,
        public readonly string $label,
        public readonly AutomationKind $kind,
        public readonly string $category,
        public readonly ?int $owner_id,
        public readonly AutomationMode $mode,
        public readonly array $cron_hooks = [],
        public readonly array $rest_routes = [],
        public readonly array $providers = [],
        public readonly array $checklist = [],
        public readonly string $origin = 'code',
        public readonly ?RetryPolicy $retry = null,
        public readonly ?array $breakers = null,
        public readonly ?array $freshness = null,
        public readonly array $customer_facing = [],
    ) {
    }

    /**
     * Builds a definition from registration arguments, refusing anything malformed with a message
     * that names the field. The owner must already be resolved to a user id.
     *
     * @param array<string,mixed> $args
     */
    public static function from_args(string $id, array $args, ?int $owner_id, string $origin = 'code'): self
    {
        Identifier::assert_valid($id, 'automation');
        $label = Text::clean((string) ($args['label'] ?? $id));
        if ($label === '' || mb_strlen($label) > 200) {
            throw new InvalidInput('sophmate_invalid_label', 'label must be 1-200 characters.');
        }
        $kind = AutomationKind::tryFrom((string) ($args['kind'] ?? ''));
        if ($kind === null) {
            throw new InvalidInput(
                'sophmate_invalid_kind',
                sprintf('Automation "%s": kind must be one of %s.', $id, implode(', ', AutomationKind::values()))
            );
        }
        $category = (string) ($args['category'] ?? '');
        Identifier::assert_valid($category, 'category');
        $mode = AutomationMode::tryFrom((string) ($args['mode'] ?? AutomationMode::Live->value));
        if ($mode === null) {
            throw new InvalidInput('sophmate_invalid_mode', 'mode must be draft, read_only or live.');
        }
        $checklist = [];
        foreach ((array) ($args['checklist'] ?? []) as $field => $value) {
            if (!in_array($field, self::CHECKLIST_FIELDS, true)) {
                throw new InvalidInput('sophmate_invalid_checklist', sprintf('Unknown checklist field "%s". Known: %s.', Text::clip((string) $field, 40), implode(', ', self::CHECKLIST_FIELDS)));
            }
            $checklist[$field] = Text::note((string) $value);
        }
        return new self(
            $id,
            $label,
            $kind,
            $category,
            $owner_id,
            $mode,
            self::string_list($args, 'cron_hooks', '/^[A-Za-z0-9_\-\/\.:]{1,191}$/'),
            self::string_list($args, 'rest_routes', '/^\/[A-Za-z0-9_\-\/\.\(\)\?\<\>\[\]\+\*\\\\:]{1,300}$/'),
            self::string_list($args, 'providers', Identifier::PATTERN),
            $checklist,
            $origin,
            isset($args['retry']) ? RetryPolicy::from_input($args['retry']) : null,
            isset($args['breakers']) && $args['breakers'] !== [] ? BreakerConfig::normalize_input($args['breakers']) : null,
            isset($args['freshness']) ? self::freshness($args['freshness']) : null,
            self::customer_facing($args['customer_facing'] ?? []),
        );
    }

    /** Same definition, ignoring where it came from: registering it twice is harmless. */
    public function same_as(self $other): bool
    {
        return $this->to_array() == $other->to_array();
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'id' => $this->id,
            'label' => $this->label,
            'kind' => $this->kind->value,
            'category' => $this->category,
            'owner_id' => $this->owner_id,
            'mode' => $this->mode->value,
            'cron_hooks' => $this->cron_hooks,
            'rest_routes' => $this->rest_routes,
            'providers' => $this->providers,
            'checklist' => $this->checklist,
            'origin' => $this->origin,
            'retry' => $this->retry?->to_array(),
            'breakers' => $this->breakers,
            'freshness' => $this->freshness,
            'customer_facing' => $this->customer_facing,
        ];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data): self
    {
        return self::from_args((string) ($data['id'] ?? ''), $data, isset($data['owner_id']) ? (int) $data['owner_id'] : null, (string) ($data['origin'] ?? 'admin'));
    }

    /**
     * @param mixed $value
     * @return array{option?:string,filter?:string}
     */
    private static function freshness($value): array
    {
        if ($value instanceof \stdClass) {
            $value = (array) $value;
        }
        if (!is_array($value) || count($value) !== 1 || !in_array(array_key_first($value), ['option', 'filter'], true)) {
            throw new InvalidInput('sophmate_invalid_freshness', 'freshness must be { "option": "option_name" } or { "filter": "hook_name" }: where the last successful sync time is read.');
        }
        $key = (string) array_key_first($value);
        $name = $value[$key];
        if (!is_string($name) || preg_match('/^[A-Za-z0-9_\-\/\.:]{1,191}$/', $name) !== 1) {
            throw new InvalidInput('sophmate_invalid_freshness', sprintf('freshness.%s must be an %s name (letters, digits, _ - / . :, at most 191).', $key, $key === 'option' ? 'option' : 'filter hook'));
        }
        return [$key => $name];
    }

    /**
     * @param mixed $value
     * @return list<string>
     */
    private static function customer_facing($value): array
    {
        if (!is_array($value) || !array_is_list($value)) {
            throw new InvalidInput('sophmate_invalid_customer_facing', 'customer_facing must be a list of "type:action" pairs, e.g. ["order:updated", "comment:created"].');
        }
        $out = [];
        foreach ($value as $i => $pair) {
            if (!is_string($pair) || preg_match('/^[A-Za-z0-9_\-\.]{1,64}:[A-Za-z0-9_\-\.]{1,32}$/', $pair) !== 1) {
                throw new InvalidInput('sophmate_invalid_customer_facing', sprintf('customer_facing[%d] must be "type:action" as passed to touched() (e.g. "order:updated"), not "%s".', $i, Text::clip(is_string($pair) ? $pair : gettype($pair), 60)));
            }
            $out[] = $pair;
        }
        return array_values(array_unique($out));
    }

    /**
     * @param array<string,mixed> $args
     * @return list<string>
     */
    private static function string_list(array $args, string $key, string $pattern): array
    {
        $value = $args[$key] ?? [];
        if (!is_array($value)) {
            throw new InvalidInput('sophmate_invalid_' . $key, sprintf('%s must be a list of strings.', $key));
        }
        $out = [];
        foreach ($value as $item) {
            if (!is_string($item) || preg_match($pattern, $item) !== 1) {
                throw new InvalidInput('sophmate_invalid_' . $key, sprintf('%s has an invalid entry "%s".', $key, Text::clip(is_string($item) ? $item : gettype($item), 60)));
            }
            $out[] = $item;
        }
        return array_values(array_unique($out));
    }
}
