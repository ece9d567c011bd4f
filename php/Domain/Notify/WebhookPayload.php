<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

/**
 * The JSON body of a webhook: a Slack-compatible `text` (so an incoming-webhook URL works as is)
 * plus the same facts as structured fields for anything that parses them.
 */
final class WebhookPayload
{
    /** @return array<string,mixed> without sent_at, which is stamped at delivery */
    public static function from_incident(Incident $incident, Message $message): array
    {
        return [
            'text' => $message->subject . "\n\n" . $message->text,
            'event' => $incident->event->value,
            'subject' => $message->subject,
            'scope' => $incident->scope,
            'state' => [
                'state' => $incident->state,
                'effective' => $incident->effective,
                'meaning' => Effective::meaning($incident->effective),
                'decided_by' => $incident->effective_reason,
            ],
            'actor' => $incident->actor,
            'actor_description' => $incident->actor_words(),
            'source' => $incident->source,
            'reason' => $incident->reason,
            'incident_url' => $incident->incident_url,
            'occurred_at' => $incident->occurred_at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z'),
            'last_failed_run' => $incident->last_failed_run,
            'review_url' => $incident->review_url,
            'scope_url' => $incident->scope_url,
            'site' => ['name' => $incident->site_name, 'url' => $incident->site_url],
        ] + ($incident->extra !== [] ? ['details' => $incident->extra] : []);
    }

    /**
     * The body as sent: the stored payload stamped with the delivery time.
     *
     * @param array<string,mixed> $payload
     */
    public static function body(array $payload, \DateTimeImmutable $sent_at): string
    {
        $payload['sent_at'] = $sent_at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z');
        return (string) json_encode($payload, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE);
    }

    /** The X-SophMate-Signature header value: an HMAC-SHA256 of the exact raw body. */
    public static function signature(string $body, string $secret): string
    {
        return 'sha256=' . hash_hmac('sha256', $body, $secret);
    }
}
