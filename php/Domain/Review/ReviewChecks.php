<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Review;

/**
 * Reads the evidence and says, per acknowledgement, what needs attention in words another operator
 * can act on ("3 runs failed at step 'send email' since the pause", "provider openai: outage").
 * `ok` never blocks a restart by itself; the acknowledgements and the outage rule do.
 */
final class ReviewChecks
{
    /** @return list<ReviewCheck> in the order of Acknowledgements::REQUIRED */
    public static function of(ReviewEvidence $e): array
    {
        return [
            self::run_history($e),
            self::failed_steps($e),
            self::audit_records($e),
            self::pending_approvals($e),
            self::provider_status($e),
            self::affected_records($e),
        ];
    }

    private static function run_history(ReviewEvidence $e): ReviewCheck
    {
        $total = $e->runs['total'] ?? 0;
        $failed = $e->runs['failed'] ?? 0;
        $since = $e->runs_since_pause['total'] ?? 0;
        $detail = $total === 0
            ? 'No runs in the review window.'
            : sprintf('%d run%s in the review window, %d failed; %d since the pause.', $total, $total === 1 ? '' : 's', $failed, $since);
        if (($e->runs_since_pause['running'] ?? 0) > 0) {
            $detail .= sprintf(' %d still running.', $e->runs_since_pause['running']);
        }
        return new ReviewCheck('run_history', 'Run history', $failed === 0 && ($e->runs_since_pause['running'] ?? 0) === 0, $detail);
    }

    private static function failed_steps(ReviewEvidence $e): ReviewCheck
    {
        if ($e->failed_steps === []) {
            return new ReviewCheck('failed_steps', 'Failed steps', true, 'No failed steps in the review window.');
        }
        $groups = [];
        foreach ($e->failed_steps as $failure) {
            $key = ($failure['step'] ?? '') === '' ? '(before any step)' : (string) $failure['step'];
            $when = $failure['since_pause'] ? 'since the pause' : 'before the pause';
            $groups[$key][$when] = ($groups[$key][$when] ?? 0) + 1;
        }
        $parts = [];
        foreach ($groups as $step => $by_when) {
            foreach ($by_when as $when => $count) {
                $parts[] = sprintf("%d run%s failed at step '%s' %s", $count, $count === 1 ? '' : 's', $step, $when);
            }
        }
        return new ReviewCheck('failed_steps', 'Failed steps', false, implode('; ', $parts) . '.');
    }

    private static function audit_records(ReviewEvidence $e): ReviewCheck
    {
        if ($e->audit === []) {
            return new ReviewCheck('audit_records', 'Audit records', true, 'No audit events for this scope in the review window.');
        }
        $latest = $e->audit[0];
        $who = (string) ($latest['actor']['name'] ?? $latest['actor']['login'] ?? 'someone');
        $detail = sprintf(
            '%d audit event%s; latest: %s by %s (%s)%s.',
            count($e->audit),
            count($e->audit) === 1 ? '' : 's',
            (string) ($latest['action'] ?? ''),
            $who,
            (string) ($latest['source'] ?? ''),
            ($latest['reason'] ?? '') !== '' ? ': ' . $latest['reason'] : ''
        );
        $tripped = array_filter($e->audit, static fn (array $a): bool => in_array($a['source'] ?? '', ['breaker', 'update', 'fail_closed'], true));
        return new ReviewCheck('audit_records', 'Audit records', $tripped === [], $tripped === [] ? $detail : $detail . sprintf(' %d automatic trip(s) among them.', count($tripped)));
    }

    private static function pending_approvals(ReviewEvidence $e): ReviewCheck
    {
        $count = count($e->pending_approvals);
        return new ReviewCheck(
            'pending_approvals',
            'Pending approvals',
            $count === 0,
            $count === 0 ? 'Nothing is waiting for approval.' : sprintf('%d item%s waiting for approval: decide on them before restarting.', $count, $count === 1 ? '' : 's')
        );
    }

    private static function provider_status(ReviewEvidence $e): ReviewCheck
    {
        if ($e->providers === []) {
            return new ReviewCheck('provider_status', 'Provider status', true, 'This scope depends on no provider.');
        }
        $bad = array_filter($e->providers, static fn (array $p): bool => in_array($p['status'], ['outage', 'degraded'], true));
        $unknown = array_filter($e->providers, static fn (array $p): bool => $p['status'] === 'unknown');
        $parts = array_map(static fn (array $p): string => sprintf('provider %s: %s', $p['slug'], $p['status']), [...$bad, ...$unknown]);
        if ($parts === []) {
            return new ReviewCheck('provider_status', 'Provider status', true, sprintf('All %d provider(s) operational.', count($e->providers)));
        }
        return new ReviewCheck('provider_status', 'Provider status', $bad === [], implode('; ', $parts) . '.');
    }

    private static function affected_records(ReviewEvidence $e): ReviewCheck
    {
        if ($e->affected_records === []) {
            return new ReviewCheck('affected_records', 'Affected records', true, 'No records were touched in the review window.');
        }
        $since = array_filter($e->affected_records, static fn (array $r): bool => $r['since_pause']);
        $detail = sprintf('%d record change(s) in the review window', count($e->affected_records));
        if ($since !== []) {
            return new ReviewCheck('affected_records', 'Affected records', false, $detail . sprintf(', %d of them after the pause: check them before restarting.', count($since)));
        }
        return new ReviewCheck('affected_records', 'Affected records', false, $detail . ': check that they are correct.');
    }
}
