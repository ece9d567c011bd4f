<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Review;

use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Text;

/**
 * The review a restart is made on: the evidence as it stands now, the hash of the evidence the
 * operator actually looked at (when the client sends it), and an override reason for restarting
 * while a provider is down. It refuses an outage without an override, and says what goes into the
 * restart's audit event so the record shows what was reviewed.
 */
final class RestartReview
{
    public function __construct(
        public readonly ReviewEvidence $evidence,
        public readonly ?string $override_reason = null,
        public readonly ?string $seen_hash = null,
    ) {
    }

    /** @return array<string,mixed> the audit context of the restart */
    public function assert_restartable(): array
    {
        $override = $this->override_reason === null ? '' : Text::reason($this->override_reason, false);
        $down = $this->evidence->providers_in_outage();
        if ($down !== [] && $override === '') {
            throw new Conflict(
                'sophmate_provider_outage',
                sprintf(
                    '%s %s in outage: restarting now would most likely fail again. Wait for the provider, or give override_reason to restart anyway.',
                    count($down) === 1 ? 'Provider' : 'Providers',
                    implode(', ', $down) . (count($down) === 1 ? ' is' : ' are')
                ),
                ['providers' => $down]
            );
        }
        $snapshot = ReviewSnapshot::of($this->evidence);
        return array_filter([
            'review' => $snapshot->to_array() + ($this->seen_hash === null ? [] : [
                'seen_hash' => $this->seen_hash,
                // False when the evidence changed between the look and the restart (a new failure …).
                'seen_is_current' => hash_equals($snapshot->hash, $this->seen_hash),
            ]),
            'override_reason' => $down !== [] ? $override : null,
            'providers_in_outage' => $down !== [] ? $down : null,
        ], static fn ($v) => $v !== null);
    }
}
