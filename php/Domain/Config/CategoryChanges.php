<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Text;

/**
 * Applies an operator's edit (REST body, CLI flags) to a category, refusing each bad field with a
 * message that names it. Whether a user id exists is asked through $user_exists.
 */
final class CategoryChanges
{
    public const FIELDS = ['label', 'description', 'owner_id', 'backup_owner_id', 'policy', 'review_every_days', 'providers', 'notify', 'breakers'];

    /**
     * @param array<string,mixed> $input
     * @param callable(int):bool $user_exists
     * @return array{0:Category,1:list<string>} the new category and the fields that changed
     */
    public static function apply(Category $base, array $input, callable $user_exists): array
    {
        $data = $base->to_array();
        $data['breakers'] = (array) $data['breakers'];
        $changed = [];
        foreach (self::FIELDS as $field) {
            if (!array_key_exists($field, $input)) {
                continue;
            }
            $value = $input[$field];
            $data[$field] = match ($field) {
                'label' => self::label($value),
                'description' => Text::note(is_string($value) ? $value : throw new InvalidInput('sophmate_invalid_description', 'description must be text.')),
                'owner_id', 'backup_owner_id' => self::user($field, $value, $user_exists),
                'policy' => self::policy($base->policy, $value, $user_exists),
                'review_every_days' => self::days($value),
                'providers' => self::providers($value),
                'notify' => self::notify($value),
                'breakers' => BreakerConfig::normalize_input($value),
            };
            if ($data[$field] != ($base->to_array()[$field] ?? null)) {
                $changed[] = $field;
            }
        }
        return [Category::from_array($data), $changed];
    }

    /** @param array<string,mixed> $input */
    public static function create(string $slug, array $input, callable $user_exists): Category
    {
        Identifier::assert_valid($slug, 'category');
        $label = $input['label'] ?? null;
        if (!is_string($label)) {
            throw new InvalidInput('sophmate_invalid_label', 'A new category needs a label.');
        }
        $blank = new Category($slug, $label, '', false, null, null, new PausePolicy());
        return self::apply($blank, $input, $user_exists)[0];
    }

    /** @param mixed $value */
    private static function label($value): string
    {
        $label = is_string($value) ? Text::clean($value) : '';
        if ($label === '' || mb_strlen($label) > 100) {
            throw new InvalidInput('sophmate_invalid_label', 'label must be 1-100 characters.');
        }
        return $label;
    }

    /** @param mixed $value */
    private static function user(string $field, $value, callable $user_exists): ?int
    {
        if ($value === null || $value === 0) {
            return null;
        }
        if (!is_int($value) || $value < 0 || !$user_exists($value)) {
            throw new InvalidInput('sophmate_invalid_owner', sprintf('%s must be the id of a user of this site (or null).', $field));
        }
        return $value;
    }

    /**
     * @param mixed $value
     * @return array<string,mixed>
     */
    private static function policy(PausePolicy $base, $value, callable $user_exists): array
    {
        if (!is_array($value)) {
            throw new InvalidInput('sophmate_invalid_policy', 'policy must be an object with running, queued, scheduled, retrying, cleanup_notes, restart_owner_id.');
        }
        if (array_key_exists('restart_owner_id', $value)) {
            self::user('policy.restart_owner_id', $value['restart_owner_id'], $user_exists);
        }
        return $base->with($value)->to_array();
    }

    /** @param mixed $value */
    private static function days($value): int
    {
        if (!is_int($value) || $value < 1 || $value > 3650) {
            throw new InvalidInput('sophmate_invalid_review_every_days', 'review_every_days must be a whole number from 1 to 3650.');
        }
        return $value;
    }

    /**
     * @param mixed $value
     * @return list<string>
     */
    private static function providers($value): array
    {
        if (!is_array($value)) {
            throw new InvalidInput('sophmate_invalid_providers', 'providers must be a list of provider slugs.');
        }
        foreach ($value as $slug) {
            if (!is_string($slug) || !Identifier::is_valid($slug)) {
                throw new InvalidInput('sophmate_invalid_providers', 'providers must be a list of provider slugs.');
            }
        }
        return array_values(array_unique($value));
    }

    /**
     * @param mixed $value
     * @return array{emails:list<string>,webhooks:list<string>}
     */
    private static function notify($value): array
    {
        if (!is_array($value)) {
            throw new InvalidInput('sophmate_invalid_notify', 'notify must be an object with emails and webhooks lists.');
        }
        $emails = $value['emails'] ?? [];
        $webhooks = $value['webhooks'] ?? [];
        if (!is_array($emails) || !is_array($webhooks)) {
            throw new InvalidInput('sophmate_invalid_notify', 'notify.emails and notify.webhooks must be lists.');
        }
        foreach ($emails as $email) {
            if (!is_string($email) || filter_var($email, FILTER_VALIDATE_EMAIL) === false) {
                throw new InvalidInput('sophmate_invalid_notify', sprintf('"%s" is not an email address.', Text::clip(is_string($email) ? $email : gettype($email), 80)));
            }
        }
        foreach ($webhooks as $url) {
            Text::url(is_string($url) ? $url : '', 'notify') ?? throw new InvalidInput('sophmate_invalid_notify', 'notify.webhooks must be http(s) URLs.');
        }
        return ['emails' => array_values($emails), 'webhooks' => array_values($webhooks)];
    }
}
