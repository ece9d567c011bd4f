<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Providers;

/** A status page answered, but not with something we can read a status from; the message says why. */
final class UnreadableStatusPage extends \RuntimeException
{
}
