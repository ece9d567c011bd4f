<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/**
 * Turns escalations into one digest per recipient per day, up the ladder: owners (and the
 * category's configured addresses) hear of every item at once; backup owners too once it has been
 * open for $backup_after_days; administrators once it has been open for $admins_after_days, or at
 * once when the category has no owner to tell. Each category webhook gets that category's items.
 * A recipient whose digest already went out today (UTC day, per $sent_log) gets nothing more today.
 */
final class DigestComposer
{
    private const RANK = ['owner' => 0, 'backup_owner' => 1, 'administrator' => 2];

    public function __construct(
        private readonly int $backup_after_days,
        private readonly int $admins_after_days,
        private readonly string $site_name = '',
    ) {
    }

    /**
     * @param list<Escalation> $escalations
     * @param array<string,Contacts> $contacts by category slug
     * @param list<string> $admin_emails
     * @param array<string,string> $sent_log channel:target => UTC day last sent
     * @param \Closure(Escalation):string $link the deep link of an escalation
     */
    public function compose(array $escalations, array $contacts, array $admin_emails, array $sent_log, \DateTimeImmutable $now, \Closure $link): DigestPlan
    {
        $day = Times::day($now);
        /** @var array<string,array{channel:string,target:string,level:string,items:array<string,array{category:string,problem:string,detail:string,url:string}>,why:array<string,string>,age:array<string,int>,has_owner:array<string,bool>}> $by_recipient */
        $by_recipient = [];
        foreach ($escalations as $escalation) {
            $who = $contacts[$escalation->category] ?? new Contacts(null, null);
            $age = Times::days_between($escalation->since, $now);
            $item = ['category' => $escalation->category, 'problem' => $escalation->problem, 'detail' => $escalation->detail, 'url' => $link($escalation)];
            $reached = 'owner';
            $targets = [];
            foreach ([$who->owner_email, ...$who->emails] as $email) {
                $targets[] = ['email', $email, 'owner'];
            }
            if ($age >= $this->backup_after_days && $who->backup_email !== null) {
                $targets[] = ['email', $who->backup_email, 'backup_owner'];
                $reached = 'backup_owner';
            }
            // Nobody (able) to tell: an ownerless category goes to administrators at once.
            if ($age >= $this->admins_after_days || $who->owner_email === null || $escalation->problem === Escalation::OWNERLESS) {
                foreach ($admin_emails as $email) {
                    $targets[] = ['email', $email, 'administrator'];
                }
                $reached = 'administrator';
            }
            foreach ($who->webhooks as $url) {
                $targets[] = ['webhook', $url, $reached];
            }
            foreach ($targets as [$channel, $target, $level]) {
                if (!is_string($target) || trim($target) === '') {
                    continue;
                }
                $key = Digest::key_of($channel, $target);
                $entry = $by_recipient[$key] ?? ['channel' => $channel, 'target' => trim($target), 'level' => $level, 'items' => [], 'why' => [], 'age' => [], 'has_owner' => []];
                if (self::RANK[$level] > self::RANK[$entry['level']]) {
                    $entry['level'] = $level;
                }
                // The same problem reaches a person once even when they hold several roles: the highest says why.
                $entry['items'][$escalation->key()] = $item;
                $previous = $entry['why'][$escalation->key()] ?? null;
                if ($previous === null || self::RANK[$level] > self::RANK[$previous]) {
                    $entry['why'][$escalation->key()] = $level;
                }
                $entry['age'][$escalation->key()] = $age;
                $entry['has_owner'][$escalation->key()] = $who->owner_email !== null;
                $by_recipient[$key] = $entry;
            }
        }
        ksort($by_recipient);

        $digests = [];
        $skipped = [];
        $log = array_filter($sent_log, static fn ($sent_day): bool => $sent_day === $day);
        foreach ($by_recipient as $key => $entry) {
            if (($sent_log[$key] ?? null) === $day) {
                $skipped[] = $key;
                continue;
            }
            $items = array_values($entry['items']);
            $why = [];
            foreach (array_keys($entry['items']) as $item_key) {
                $why[] = $this->why($entry['channel'], $entry['why'][$item_key], $entry['age'][$item_key], $entry['has_owner'][$item_key]);
            }
            $digests[] = new Digest($entry['channel'], $entry['target'], $this->subject($items), $this->text($items, $why), $items, $entry['level']);
            $log[$key] = $day;
        }
        return new DigestPlan($day, $digests, $skipped, $log);
    }

    /** @param list<array{category:string,problem:string,detail:string,url:string}> $items */
    private function subject(array $items): string
    {
        $categories = array_values(array_unique(array_column($items, 'category')));
        return sprintf(
            '[%s] Automation safety: %d item%s need%s attention (%s)',
            $this->site_name !== '' ? $this->site_name : 'SophMate Safe Mode',
            count($items),
            count($items) === 1 ? '' : 's',
            count($items) === 1 ? 's' : '',
            implode(', ', $categories)
        );
    }

    /**
     * @param list<array{category:string,problem:string,detail:string,url:string}> $items
     * @param list<string> $why per item, why this recipient hears of it
     */
    private function text(array $items, array $why): string
    {
        $lines = ['These automation safety items need attention:', ''];
        foreach ($items as $i => $item) {
            $lines[] = sprintf('- %s: %s', $item['category'], Escalation::LABELS[$item['problem']] ?? $item['problem']);
            $lines[] = '  ' . $item['detail'];
            $lines[] = '  ' . $why[$i];
            $lines[] = '  ' . $item['url'];
        }
        $lines[] = '';
        $lines[] = sprintf(
            'Owners hear of an item at once, backup owners after %d days, administrators after %d days or at once when nobody owns the category.',
            $this->backup_after_days,
            $this->admins_after_days
        );
        $lines[] = 'You get at most one such digest a day. Mark a review done on the category page (or: wp sophmate reviews done <category> --note=…).';
        return implode("\n", $lines);
    }

    private function why(string $channel, string $level, int $age, bool $has_owner): string
    {
        $open = sprintf('open %d day%s', $age, $age === 1 ? '' : 's');
        if ($channel === 'webhook') {
            return sprintf('Sent to this category\'s webhook (%s; escalated to: %s).', $open, str_replace('_', ' ', $level));
        }
        return match ($level) {
            'administrator' => $has_owner
                ? sprintf('You hear of this as an administrator: it has been %s without being resolved.', $open)
                : 'You hear of this as an administrator: the category has no owner to tell.',
            'backup_owner' => sprintf('You hear of this as the backup owner: it has been %s.', $open),
            default => sprintf('You hear of this as the owner (or a notification address) of this category (%s).', $open),
        };
    }
}
