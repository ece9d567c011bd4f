<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Readiness;

/**
 * What WordPress says about a named owner, decided by glue code (user exists, capabilities) and
 * passed in, so the rules stay testable without WordPress.
 */
enum OwnerStanding: string
{
    case None = 'none';
    case Deleted = 'deleted';
    case CannotPause = 'cannot_pause';
    case Ok = 'ok';
}
