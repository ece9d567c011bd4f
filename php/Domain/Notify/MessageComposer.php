<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

use SophMate\SafeMode\Domain\Text;

/**
 * Turns an incident into the subject and plain-text body of a notification. The body is meant to
 * be enough for another operator to respond without asking anyone: what happened, who did it and
 * why, the scope's state now, the last failed run with its error, and where to review.
 */
final class MessageComposer
{
    public function compose(Incident $incident): Message
    {
        $headline = $this->headline($incident);
        $lines = [
            $headline,
            '',
            'What happened: ' . $headline,
            'Who: ' . $incident->actor_words() . ($incident->source !== '' ? sprintf(' (source: %s)', $incident->source) : ''),
            'Why: ' . ($incident->reason !== '' ? $incident->reason : '(no reason given)'),
            'When: ' . self::time($incident->occurred_at),
            sprintf(
                'Current state: %s is %s; effective: %s (%s)%s',
                $incident->scope,
                $incident->state,
                $incident->effective,
                Effective::meaning($incident->effective),
                $incident->effective_reason !== '' ? '. Decided by: ' . $incident->effective_reason : ''
            ),
        ];
        if ($incident->incident_url !== null) {
            $lines[] = 'Incident: ' . $incident->incident_url;
        }
        $lines[] = '';
        $lines[] = self::last_failed_run($incident->last_failed_run);
        if ($incident->details !== []) {
            $lines[] = '';
            $lines[] = 'Details:';
            foreach ($incident->details as $detail) {
                $lines[] = '- ' . $detail;
            }
        }
        $lines[] = '';
        $lines[] = 'Review and respond: ' . $incident->review_url;
        if ($incident->scope_url !== '' && $incident->scope_url !== $incident->review_url) {
            $lines[] = 'Scope page: ' . $incident->scope_url;
        }
        $lines[] = sprintf('From a shell: wp sophmate review %s', $incident->scope);
        $lines[] = '';
        $lines[] = sprintf('-- SophMate Safe Mode on %s (%s)', $incident->site_name, $incident->site_url);

        return new Message($this->subject($incident), implode("\n", $lines));
    }

    public function headline(Incident $incident): string
    {
        $scope = $incident->scope_label;
        return match ($incident->event) {
            NotifyEvent::Pause => sprintf('%s was paused.', $scope),
            NotifyEvent::Trip => sprintf('%s was paused automatically by a circuit breaker.', $scope),
            NotifyEvent::Restart => sprintf('%s was restarted in a narrow trial (state %s).', $scope, $incident->state),
            NotifyEvent::Promote => sprintf('%s was promoted from its trial back to normal running.', $scope),
            NotifyEvent::SafeMode => $incident->state === 'off'
                ? 'Safe mode was turned off for the whole site.'
                : sprintf('Safe mode is now "%s" for the whole site.', $incident->state),
            NotifyEvent::DrillFailed => sprintf('The pause drill for %s failed: pausing it may not stop its automation.', $scope),
            NotifyEvent::Escalation => sprintf('%s needs attention.', $scope),
            NotifyEvent::Test => 'This is a test notification: delivery to this target works.',
        };
    }

    private function subject(Incident $incident): string
    {
        $what = match ($incident->event) {
            NotifyEvent::Pause => 'Paused',
            NotifyEvent::Trip => 'Paused by a circuit breaker',
            NotifyEvent::Restart => 'Restarted in trial',
            NotifyEvent::Promote => 'Promoted to running',
            NotifyEvent::SafeMode => $incident->state === 'off' ? 'Safe mode off' : 'Safe mode ' . $incident->state,
            NotifyEvent::DrillFailed => 'Pause drill failed',
            NotifyEvent::Escalation => 'Needs attention',
            NotifyEvent::Test => 'Test notification',
        };
        $subject = sprintf('[%s] %s: %s', $incident->site_name, $what, $incident->scope);
        if ($incident->reason !== '' && $incident->event !== NotifyEvent::Test) {
            $subject .= ' - ' . Text::clip(str_replace(["\r", "\n"], ' ', $incident->reason), 80);
        }
        return $subject;
    }

    /** @param array{id:int,automation:string,category:string,failed_step:?string,error:?string,time:string,url:string}|null $run */
    private static function last_failed_run(?array $run): string
    {
        if ($run === null) {
            return 'Last failed run: none recorded in this scope.';
        }
        return implode("\n", [
            sprintf(
                'Last failed run: #%d of %s (category %s) at %s, failed at step %s',
                $run['id'],
                $run['automation'],
                $run['category'],
                $run['time'],
                $run['failed_step'] !== null && $run['failed_step'] !== '' ? "'" . $run['failed_step'] . "'" : '(none recorded)'
            ),
            'Error: ' . ($run['error'] !== null && $run['error'] !== '' ? $run['error'] : '(no error recorded)'),
            'Run: ' . $run['url'],
        ]);
    }

    public static function time(\DateTimeImmutable $time): string
    {
        return $time->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s') . ' UTC';
    }
}
