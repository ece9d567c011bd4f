<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Notify\Backoff;
use SophMate\SafeMode\Domain\Notify\Incident;
use SophMate\SafeMode\Domain\Notify\MessageComposer;
use SophMate\SafeMode\Domain\Notify\NotifyEvent;
use SophMate\SafeMode\Domain\Notify\RecipientResolver;
use SophMate\SafeMode\Domain\Notify\WebhookPayload;
use SophMate\SafeMode\Domain\Notify\WebhookUrlPolicy;

final class NotifyTest extends TestCase
{
    private const REVIEW = 'https://shop.example/wp-admin/admin.php?page=sophmate-safe-mode&view=review&scope=category%3Asupport';
    private const RUN_URL = 'https://shop.example/wp-admin/admin.php?page=sophmate-safe-mode&view=run&id=42';

    /** @param array<string,mixed> $overrides */
    private static function incident(array $overrides = []): Incident
    {
        $args = $overrides + [
            'event' => NotifyEvent::Pause,
            'actor' => ['id' => 7, 'login' => 'jane', 'name' => 'Jane Doe'],
            'source' => 'rest',
            'reason' => 'Replies went to the wrong customers',
            'state' => 'paused',
            'effective' => 'blocked',
            'run' => ['id' => 42, 'automation' => 'support-replies', 'category' => 'support', 'failed_step' => 'send reply', 'error' => 'Wrong recipient', 'time' => '2026-11-25T09:58:00Z', 'url' => self::RUN_URL],
        ];
        return new Incident(
            $args['event'],
            'category:support',
            'Category "Support" (category:support)',
            $args['state'],
            $args['effective'],
            'category:support: paused by Jane Doe',
            $args['actor'],
            $args['source'],
            $args['reason'],
            $args['run'],
            self::REVIEW,
            'https://shop.example/wp-admin/admin.php?page=sophmate-safe-mode&view=category&slug=support',
            'Shop',
            'https://shop.example/',
            new \DateTimeImmutable('2026-11-25T10:00:00Z'),
            'https://tracker.example/INC-9',
        );
    }

    public function test_a_pause_message_says_what_who_why_state_last_failed_run_and_where_to_review(): void
    {
        $message = (new MessageComposer())->compose(self::incident());
        self::assertSame('[Shop] Paused: category:support - Replies went to the wrong customers', $message->subject);
        $expected = [
            'Category "Support" (category:support) was paused.',
            'Who: Jane Doe (jane) (source: rest)',
            'Why: Replies went to the wrong customers',
            'When: 2026-11-25 10:00:00 UTC',
            'Current state: category:support is paused; effective: blocked (nothing in this scope runs)',
            'Incident: https://tracker.example/INC-9',
            "Last failed run: #42 of support-replies (category support) at 2026-11-25T09:58:00Z, failed at step 'send reply'",
            'Error: Wrong recipient',
            'Run: ' . self::RUN_URL,
            'Review and respond: ' . self::REVIEW,
        ];
        foreach ($expected as $line) {
            self::assertStringContainsString($line, $message->text);
        }
    }

    public function test_a_trip_is_signed_by_the_circuit_breaker_and_a_scope_without_failures_says_so(): void
    {
        $message = (new MessageComposer())->compose(self::incident(['event' => NotifyEvent::Trip, 'source' => 'breaker', 'actor' => ['id' => 0, 'login' => 'breaker', 'name' => 'breaker'], 'run' => null]));
        self::assertStringContainsString('Paused by a circuit breaker', $message->subject);
        self::assertStringContainsString('Who: the circuit breaker (automatic)', $message->text);
        self::assertStringContainsString('Last failed run: none recorded in this scope.', $message->text);
    }

    public function test_every_event_has_its_own_headline(): void
    {
        $composer = new MessageComposer();
        $headlines = array_map(static fn (NotifyEvent $e): string => $composer->headline(self::incident(['event' => $e])), NotifyEvent::cases());
        self::assertCount(count(NotifyEvent::cases()), array_unique($headlines));
        self::assertSame('Safe mode was turned off for the whole site.', $composer->headline(self::incident(['event' => NotifyEvent::SafeMode, 'state' => 'off'])));
    }

    public function test_the_webhook_payload_has_a_slack_text_and_every_structured_field_and_a_verifiable_signature(): void
    {
        $incident = self::incident();
        $payload = WebhookPayload::from_incident($incident, (new MessageComposer())->compose($incident));
        $body = WebhookPayload::body($payload, new \DateTimeImmutable('2026-11-25T10:00:05Z'));
        $decoded = json_decode($body, true);
        self::assertStringContainsString('Why: Replies went to the wrong customers', $decoded['text']);
        self::assertSame('pause', $decoded['event']);
        self::assertSame('category:support', $decoded['scope']);
        self::assertSame(['state' => 'paused', 'effective' => 'blocked', 'meaning' => 'nothing in this scope runs', 'decided_by' => 'category:support: paused by Jane Doe'], $decoded['state']);
        self::assertSame('jane', $decoded['actor']['login']);
        self::assertSame('Replies went to the wrong customers', $decoded['reason']);
        self::assertSame('Wrong recipient', $decoded['last_failed_run']['error']);
        self::assertSame(self::REVIEW, $decoded['review_url']);
        self::assertSame(['name' => 'Shop', 'url' => 'https://shop.example/'], $decoded['site']);
        self::assertSame('2026-11-25T10:00:05Z', $decoded['sent_at']);
        self::assertSame('sha256=' . hash_hmac('sha256', $body, 'a-long-enough-secret'), WebhookPayload::signature($body, 'a-long-enough-secret'));
    }

    public function test_recipients_are_the_owners_and_targets_of_the_scope_plus_site_targets_each_once(): void
    {
        $emails = [1 => 'owner@example.test', 2 => 'backup@example.test', 3 => 'Owner@example.test'];
        $resolver = new RecipientResolver(static fn (int $id): ?string => $emails[$id] ?? null);
        $r = $resolver->resolve(false, [1, 2, null, 3, 99], ['emails' => ['oncall@example.test'], 'webhooks' => ['https://hooks.example/a']], ['emails' => ['ops@example.test', 'oncall@example.test'], 'webhooks' => ['https://hooks.example/a', 'https://hooks.example/b']], ['admin@example.test']);
        self::assertSame(['owner@example.test', 'backup@example.test', 'oncall@example.test', 'ops@example.test'], $r->emails);
        self::assertSame(['https://hooks.example/a', 'https://hooks.example/b'], $r->webhooks);
    }

    public function test_the_site_scope_and_an_ownerless_scope_reach_the_administrators(): void
    {
        $resolver = new RecipientResolver(static fn (int $id): ?string => null);
        self::assertSame(['admin@example.test'], $resolver->resolve(true, [], [], [], ['admin@example.test'])->emails);
        self::assertSame(['admin@example.test'], $resolver->resolve(false, [5], [], [], ['admin@example.test'])->emails, 'ownerless: somebody must hear of it');
    }

    public function test_backoff_is_1_5_15_60_240_minutes_then_gives_up(): void
    {
        $now = new \DateTimeImmutable('2026-11-25T10:00:00Z');
        $minutes = [];
        for ($attempts = 1; $attempts <= 6; $attempts++) {
            $next = Backoff::next_attempt($attempts, $now);
            $minutes[] = $next === null ? null : ($next->getTimestamp() - $now->getTimestamp()) / 60;
        }
        self::assertSame([1, 5, 15, 60, 240, null], $minutes);
    }

    public function test_webhook_urls_to_the_site_itself_loopback_link_local_and_metadata_are_refused(): void
    {
        $policy = new WebhookUrlPolicy(['shop.example']);
        self::assertNull($policy->refusal('https://hooks.slack.com/services/T/B/X'));
        self::assertNull($policy->refusal('http://10.0.0.5/hook'), 'private networks stay allowed');
        self::assertSame('must use http or https', $policy->refusal('ftp://hooks.example/x'));
        self::assertSame('points at this site itself', $policy->refusal('https://shop.example/wp-json/x'));
        self::assertSame('points at this machine (loopback)', $policy->refusal('http://127.0.0.1:8080/x'));
        self::assertSame('points at this machine (loopback)', $policy->refusal('http://localhost/x'));
        self::assertSame('points at this machine (loopback)', $policy->refusal('http://[::1]/x'));
        self::assertSame('points at a cloud metadata service', $policy->refusal('http://169.254.169.254/latest/meta-data/'));
        self::assertSame('points at a link-local address', $policy->refusal('http://169.254.1.1/x'));
        self::assertSame('points at a cloud metadata service', $policy->refusal('http://metadata.google.internal/'));
        self::assertSame('points at a cloud metadata service', $policy->refusal('https://innocent.example/x', ['169.254.169.254']), 'a name that resolves to metadata');
        self::assertSame('is not a valid URL', $policy->refusal('not a url'));
    }
}
