<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Exception;

/**
 * Every rule the domain refuses is one of these, carrying the public error code
 * (sophmate_…) so REST and WP-CLI can report it the same way.
 */
abstract class SafeModeException extends \RuntimeException
{
    /** @param array<string,mixed> $data */
    public function __construct(private readonly string $error_code, string $message, private readonly array $data = [])
    {
        parent::__construct($message);
    }

    public function error_code(): string
    {
        return $this->error_code;
    }

    /** @return array<string,mixed> */
    public function data(): array
    {
        return $this->data;
    }

    /** The HTTP status a REST response should carry. */
    abstract public function status(): int;
}
