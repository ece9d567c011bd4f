<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Text;

/**
 * Site-level notification targets (they hear about every event) and the webhook signing secret,
 * in one option that is not autoloaded. The secret is write-only: nothing reads it back out
 * except the deliverer that signs with it.
 */
final class NotificationSettings
{
    public const OPTION = 'sophmate_safe_mode_notifications';
    private const MAX_TARGETS = 20;
    public const MIN_SECRET = 16;

    public function __construct(private readonly WebhookUrlGuard $guard)
    {
    }

    /** @return array{emails:list<string>,webhooks:list<string>,webhook_secret:string} */
    public function all(): array
    {
        $data = get_option(self::OPTION, []);
        $data = is_array($data) ? $data : [];
        return [
            'emails' => array_values(array_filter((array) ($data['emails'] ?? []), 'is_string')),
            'webhooks' => array_values(array_filter((array) ($data['webhooks'] ?? []), 'is_string')),
            'webhook_secret' => is_string($data['webhook_secret'] ?? null) ? $data['webhook_secret'] : '',
        ];
    }

    public function secret(): string
    {
        return $this->all()['webhook_secret'];
    }

    /** @return array{emails:list<string>,webhooks:list<string>,webhook_secret_set:bool} what REST shows */
    public function public_view(): array
    {
        $all = $this->all();
        return ['emails' => $all['emails'], 'webhooks' => $all['webhooks'], 'webhook_secret_set' => $all['webhook_secret'] !== ''];
    }

    /**
     * Applies a partial update: absent keys stay; webhook_secret "" or null removes the secret.
     *
     * @param array<string,mixed> $input
     */
    public function update(array $input): void
    {
        $next = $this->all();
        if (array_key_exists('emails', $input)) {
            $next['emails'] = $this->emails($input['emails']);
        }
        if (array_key_exists('webhooks', $input)) {
            $next['webhooks'] = $this->webhooks($input['webhooks']);
        }
        if (array_key_exists('webhook_secret', $input)) {
            $secret = $input['webhook_secret'];
            if ($secret !== null && !is_string($secret)) {
                throw new InvalidInput('sophmate_invalid_webhook_secret', 'webhook_secret must be a string (or "" to remove it).');
            }
            $secret = trim((string) $secret);
            if ($secret !== '' && (strlen($secret) < self::MIN_SECRET || strlen($secret) > 200 || preg_match('/[\x00-\x1F\x7F]/', $secret) === 1)) {
                throw new InvalidInput('sophmate_invalid_webhook_secret', sprintf('webhook_secret must be %d to 200 printable characters.', self::MIN_SECRET));
            }
            $next['webhook_secret'] = $secret;
        }
        update_option(self::OPTION, $next, false);
    }

    /**
     * @param mixed $value
     * @return list<string>
     */
    private function emails($value): array
    {
        if (!is_array($value) || !array_is_list($value)) {
            throw new InvalidInput('sophmate_invalid_notification_email', 'emails must be a list of email addresses.');
        }
        if (count($value) > self::MAX_TARGETS) {
            throw new InvalidInput('sophmate_invalid_notification_email', sprintf('emails holds %d addresses; at most %d.', count($value), self::MAX_TARGETS));
        }
        $out = [];
        foreach ($value as $i => $email) {
            $email = is_string($email) ? trim($email) : $email;
            if (!is_string($email) || filter_var($email, FILTER_VALIDATE_EMAIL) === false) {
                throw new InvalidInput(
                    'sophmate_invalid_notification_email',
                    sprintf('emails[%d] "%s" is not an email address.', $i, Text::clip(is_string($email) ? $email : gettype($email), 80)),
                    ['field' => 'emails', 'index' => $i]
                );
            }
            $out[strtolower($email)] = $email;
        }
        return array_values($out);
    }

    /**
     * @param mixed $value
     * @return list<string>
     */
    private function webhooks($value): array
    {
        if (!is_array($value) || !array_is_list($value)) {
            throw new InvalidInput('sophmate_invalid_webhook_url', 'webhooks must be a list of http(s) URLs.');
        }
        if (count($value) > self::MAX_TARGETS) {
            throw new InvalidInput('sophmate_invalid_webhook_url', sprintf('webhooks holds %d URLs; at most %d.', count($value), self::MAX_TARGETS));
        }
        $out = [];
        foreach ($value as $i => $url) {
            $url = is_string($url) ? trim($url) : $url;
            $refusal = is_string($url) ? $this->guard->refusal($url) : 'is not a string';
            if ($refusal !== null) {
                throw new InvalidInput(
                    'sophmate_invalid_webhook_url',
                    sprintf('webhooks[%d] "%s" %s.', $i, Text::clip(is_string($url) ? $url : gettype($url), 120), $refusal),
                    ['field' => 'webhooks', 'index' => $i]
                );
            }
            $out[] = (string) $url;
        }
        return array_values(array_unique($out));
    }
}
