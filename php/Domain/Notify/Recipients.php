<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

/** Who a notification goes to: email addresses and webhook URLs, each once. */
final class Recipients
{
    /**
     * @param list<string> $emails
     * @param list<string> $webhooks
     */
    public function __construct(public readonly array $emails, public readonly array $webhooks)
    {
    }

    public function is_empty(): bool
    {
        return $this->emails === [] && $this->webhooks === [];
    }
}
