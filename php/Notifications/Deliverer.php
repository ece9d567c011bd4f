<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Notify\WebhookPayload;

/**
 * Sends one outbox row: by wp_mail or as a JSON POST. Answers null when delivered, or why not.
 * Never throws: a mail plugin or an HTTP filter that throws is a failed delivery, nothing more.
 */
final class Deliverer
{
    public const TIMEOUT_SECONDS = 5;
    /** Errors that start with this will fail the same way on every try: no retries. */
    public const REFUSED = 'Refused: ';

    public function __construct(
        private readonly NotificationSettings $settings,
        private readonly WebhookUrlGuard $guard,
        private readonly Clock $clock,
    ) {
    }

    /** @param array<string,mixed> $row */
    public function deliver(array $row): ?string
    {
        try {
            $payload = json_decode((string) ($row['payload'] ?? ''), true);
            if (!is_array($payload)) {
                return 'The stored payload is unreadable.';
            }
            return match ((string) $row['channel']) {
                'email' => $this->email((string) $row['target'], (string) $row['subject'], $payload),
                'webhook' => $this->webhook((int) $row['id'], (string) $row['event'], (string) $row['target'], $payload),
                default => sprintf('Unknown channel "%s".', (string) $row['channel']),
            };
        } catch (\Throwable $e) {
            return sprintf('%s: %s', get_class($e), $e->getMessage());
        }
    }

    /** @param array<string,mixed> $payload */
    private function email(string $to, string $subject, array $payload): ?string
    {
        $error = null;
        $catch = static function ($wp_error) use (&$error): void {
            $error = $wp_error instanceof \WP_Error ? $wp_error->get_error_message() : 'wp_mail failed.';
        };
        add_action('wp_mail_failed', $catch);
        try {
            $sent = wp_mail($to, $subject, (string) ($payload['text'] ?? ''));
        } finally {
            remove_action('wp_mail_failed', $catch);
        }
        if ($error !== null) {
            return 'wp_mail: ' . $error;
        }
        return $sent ? null : 'wp_mail returned false (the mailer refused the message).';
    }

    /** @param array<string,mixed> $payload */
    private function webhook(int $id, string $event, string $url, array $payload): ?string
    {
        $pin = null;
        $refusal = $this->guard->refusal($url, true, $pin);
        if ($refusal !== null) {
            return self::REFUSED . sprintf('the webhook URL %s; not sent (fix the target, or allow it with the sophmate_safe_mode_allow_webhook_url filter).', $refusal);
        }
        $body = WebhookPayload::body($payload, $this->clock->now());
        $headers = [
            'Content-Type' => 'application/json; charset=utf-8',
            'User-Agent' => 'SophMate-Safe-Mode',
            'X-SophMate-Event' => $event,
            'X-SophMate-Delivery' => (string) $id,
        ];
        $secret = $this->settings->secret();
        if ($secret !== '') {
            $headers['X-SophMate-Signature'] = WebhookPayload::signature($body, $secret);
        }
        // Connect to the address the guard checked, not to a fresh DNS answer (curl transport).
        $pin_address = static function ($handle) use ($pin): void {
            if ($pin !== null && defined('CURLOPT_RESOLVE')) {
                curl_setopt($handle, CURLOPT_RESOLVE, [$pin]);
            }
        };
        add_action('http_api_curl', $pin_address);
        try {
            $response = wp_remote_post($url, [
                'timeout' => self::TIMEOUT_SECONDS,
                'redirection' => 0,
                'headers' => $headers,
                'body' => $body,
                'data_format' => 'body',
            ]);
        } finally {
            remove_action('http_api_curl', $pin_address);
        }
        if (is_wp_error($response)) {
            return 'HTTP request failed: ' . $response->get_error_message();
        }
        $code = (int) wp_remote_retrieve_response_code($response);
        if ($code >= 200 && $code < 300) {
            return null;
        }
        $raw = (string) wp_remote_retrieve_body($response);
        // A JSON error body usually carries a message; show that instead of the whole document.
        $json = json_decode($raw, true);
        $answer = trim(wp_strip_all_tags(is_array($json) && is_string($json['message'] ?? null) ? $json['message'] : $raw));
        return sprintf('HTTP %d%s', $code, $answer !== '' ? ': ' . mb_substr($answer, 0, 200) : '');
    }
}
