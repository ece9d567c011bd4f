<?php

declare(strict_types=1);

namespace SophMate\SafeMode;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Support\Actors;

/**
 * Behind the public registration functions. A mistake in another plugin's registration must never
 * take the site down: it is reported with _doing_it_wrong and the registration is skipped.
 */
final class Registrar
{
    public function __construct(private readonly Catalog $catalog, private readonly Actors $actors)
    {
    }

    /** @param array<string,mixed> $args */
    public function category(string $slug, array $args): bool
    {
        try {
            Identifier::assert_valid($slug, 'category');
            if ($this->catalog->has_category($slug)) {
                return true; // Stored configuration (edited in the admin) wins over code defaults.
            }
            $owner = isset($args['owner']) ? $this->owner($args['owner'], "category \"$slug\"") : null;
            $this->catalog->add_category(Category::from_array([
                'slug' => $slug,
                'label' => (string) ($args['label'] ?? $slug),
                'description' => (string) ($args['description'] ?? ''),
                'builtin' => false,
                'owner_id' => $owner,
                'policy' => PausePolicy::from_array((array) ($args['policy'] ?? []))->to_array(),
                'providers' => (array) ($args['providers'] ?? []),
            ]));
            return true;
        } catch (SafeModeException $e) {
            self::doing_it_wrong('sophmate_safe_mode_register_category', $e->getMessage());
            return false;
        }
    }

    /** @param array<string,mixed> $args */
    public function automation(string $id, array $args): bool
    {
        try {
            $owner = array_key_exists('owner', $args) ? $this->owner($args['owner'], "automation \"$id\"") : null;
            $this->catalog->add_automation(AutomationDefinition::from_args($id, $args, $owner));
            return true;
        } catch (SafeModeException $e) {
            self::doing_it_wrong('sophmate_safe_mode_register_automation', $e->getMessage());
            return false;
        }
    }

    /** @param mixed $owner */
    private function owner($owner, string $what): ?int
    {
        $id = $this->actors->resolve_owner($owner);
        if ($id === null) {
            throw new Domain\Exception\InvalidInput('sophmate_invalid_owner', sprintf('The owner of %s ("%s") is not a user of this site; give a user id or login.', $what, is_scalar($owner) ? (string) $owner : gettype($owner)));
        }
        return $id;
    }

    private static function doing_it_wrong(string $function, string $message): void
    {
        _doing_it_wrong($function, esc_html($message), '0.1.0'); // phpcs:ignore
    }
}
