<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

use SophMate\SafeMode\Domain\Scope;

/**
 * Every switch on the site at one version. Immutable: a change yields a new board with version + 1,
 * which the store writes only if nobody else wrote in between (compare-and-swap).
 */
final class SwitchBoard
{
    /**
     * @param array<string,SwitchRecord> $categories
     * @param array<string,SwitchRecord> $automations
     */
    public function __construct(
        public readonly int $version,
        public readonly SafeModeRecord $safe_mode,
        public readonly array $categories = [],
        public readonly array $automations = [],
        public readonly ?string $corruption = null,
    ) {
    }

    public static function empty(): self
    {
        return new self(0, SafeModeRecord::off());
    }

    /**
     * A board standing in for state that could not be read: everything is treated as paused
     * (fail closed) and the reason says why.
     */
    public static function unreadable(string $why): self
    {
        return new self(-1, SafeModeRecord::off(), [], [], $why);
    }

    public function is_corrupt(): bool
    {
        return $this->corruption !== null;
    }

    /** True when nothing at all is paused, in trial or in safe mode: the fast path. */
    public function is_quiet(): bool
    {
        return !$this->is_corrupt() && !$this->safe_mode->is_on() && $this->categories === [] && $this->automations === [];
    }

    public function record_for(Scope $scope): ?SwitchRecord
    {
        return match ($scope->kind) {
            Scope::CATEGORY => $this->categories[$scope->id] ?? null,
            Scope::AUTOMATION => $this->automations[$scope->id] ?? null,
            default => null,
        };
    }

    public function state_of(Scope $scope): SwitchState
    {
        if ($scope->is_global()) {
            return $this->safe_mode->is_on() ? SwitchState::Paused : SwitchState::Running;
        }
        return $this->record_for($scope)?->state ?? SwitchState::Running;
    }

    /** A new board with this scope's record replaced (null = running). */
    public function with_record(Scope $scope, ?SwitchRecord $record): self
    {
        $categories = $this->categories;
        $automations = $this->automations;
        if ($scope->kind === Scope::CATEGORY) {
            $categories = self::put($categories, $scope->id, $record);
        } elseif ($scope->kind === Scope::AUTOMATION) {
            $automations = self::put($automations, $scope->id, $record);
        } else {
            throw new \LogicException('Use with_safe_mode() for the global scope.');
        }
        return new self($this->version + 1, $this->safe_mode, $categories, $automations);
    }

    public function with_safe_mode(SafeModeRecord $safe_mode): self
    {
        return new self($this->version + 1, $safe_mode, $this->categories, $this->automations);
    }

    /**
     * @param array<string,SwitchRecord> $records
     * @return array<string,SwitchRecord>
     */
    private static function put(array $records, string $id, ?SwitchRecord $record): array
    {
        if ($record === null || $record->state === SwitchState::Running) {
            unset($records[$id]);
        } else {
            $records[$id] = $record;
        }
        ksort($records);
        return $records;
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'version' => $this->version,
            'safe_mode' => $this->safe_mode->to_array(),
            'categories' => array_map(static fn (SwitchRecord $r): array => $r->to_array(), $this->categories),
            'automations' => array_map(static fn (SwitchRecord $r): array => $r->to_array(), $this->automations),
        ];
    }

    /**
     * @param array<string,mixed> $data
     * @throws \UnexpectedValueException when the data is not a board this code wrote
     */
    public static function from_array(array $data): self
    {
        if (!isset($data['version']) || !is_int($data['version']) || !is_array($data['safe_mode'] ?? null)) {
            throw new \UnexpectedValueException('switch state has no version or safe_mode');
        }
        try {
            $categories = [];
            foreach ((array) ($data['categories'] ?? []) as $slug => $record) {
                $categories[(string) $slug] = SwitchRecord::from_array((array) $record);
            }
            $automations = [];
            foreach ((array) ($data['automations'] ?? []) as $id => $record) {
                $automations[(string) $id] = SwitchRecord::from_array((array) $record);
            }
            return new self($data['version'], SafeModeRecord::from_array($data['safe_mode']), $categories, $automations);
        } catch (\ValueError | \Exception $e) {
            throw new \UnexpectedValueException('switch state is malformed: ' . $e->getMessage(), 0, $e);
        }
    }
}
