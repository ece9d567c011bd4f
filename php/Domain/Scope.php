<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain;

use SophMate\SafeMode\Domain\Exception\InvalidInput;

/**
 * A switch's address: "global", "category:SLUG" or "automation:ID".
 */
final class Scope
{
    public const GLOBAL = 'global';
    public const CATEGORY = 'category';
    public const AUTOMATION = 'automation';

    private function __construct(public readonly string $kind, public readonly string $id)
    {
    }

    public static function global(): self
    {
        return new self(self::GLOBAL, '');
    }

    public static function category(string $slug): self
    {
        return new self(self::CATEGORY, Identifier::assert_valid($slug, 'category'));
    }

    public static function automation(string $id): self
    {
        return new self(self::AUTOMATION, Identifier::assert_valid($id, 'automation'));
    }

    public static function parse(string $scope): self
    {
        $scope = trim($scope);
        if ($scope === self::GLOBAL) {
            return self::global();
        }
        $parts = explode(':', $scope, 2);
        if (count($parts) === 2 && $parts[0] === self::CATEGORY) {
            return self::category($parts[1]);
        }
        if (count($parts) === 2 && $parts[0] === self::AUTOMATION) {
            return self::automation($parts[1]);
        }
        throw new InvalidInput(
            'sophmate_invalid_scope',
            sprintf('Unknown scope "%s". Use "global", "category:SLUG" or "automation:ID".', Text::clip($scope, 80))
        );
    }

    public function is_global(): bool
    {
        return $this->kind === self::GLOBAL;
    }

    public function to_string(): string
    {
        return $this->is_global() ? self::GLOBAL : $this->kind . ':' . $this->id;
    }

    public function equals(self $other): bool
    {
        return $this->kind === $other->kind && $this->id === $other->id;
    }
}
