<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

/**
 * Everything a notification says about one event, gathered by the WordPress glue so that composing
 * the message needs no WordPress: what happened to which scope, who did it and why, the scope's
 * state now, the last failed run and where to respond.
 */
final class Incident
{
    /**
     * @param array{id:int,login:string,name:string}|null $actor null = the system
     * @param array{id:int,automation:string,category:string,failed_step:?string,error:?string,time:string,url:string}|null $last_failed_run
     * @param list<string> $details extra lines (a drill's failed bindings, the trial scope, …)
     * @param array<string,mixed> $extra structured extras for the webhook payload
     */
    public function __construct(
        public readonly NotifyEvent $event,
        public readonly string $scope,
        public readonly string $scope_label,
        public readonly string $state,
        public readonly string $effective,
        public readonly string $effective_reason,
        public readonly ?array $actor,
        public readonly string $source,
        public readonly string $reason,
        public readonly ?array $last_failed_run,
        public readonly string $review_url,
        public readonly string $scope_url,
        public readonly string $site_name,
        public readonly string $site_url,
        public readonly \DateTimeImmutable $occurred_at,
        public readonly ?string $incident_url = null,
        public readonly array $details = [],
        public readonly array $extra = [],
    ) {
    }

    /** Who did it, in words: "Jane Doe (jane)", "the circuit breaker (automatic)" or "the system". */
    public function actor_words(): string
    {
        if ($this->source === 'breaker') {
            return 'the circuit breaker (automatic)';
        }
        if ($this->actor === null || ($this->actor['id'] ?? 0) === 0) {
            $login = (string) ($this->actor['login'] ?? '');
            return $login !== '' && $login !== 'system' ? sprintf('the system (%s)', $login) : 'the system';
        }
        $name = trim((string) ($this->actor['name'] ?? ''));
        $login = (string) ($this->actor['login'] ?? '');
        return $name !== '' && $name !== $login ? sprintf('%s (%s)', $name, $login) : $login;
    }
}
