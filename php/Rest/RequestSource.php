<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Switches\Source;

/**
 * The audit says where a change came from. A REST call made by the admin app carries the login
 * cookie and nonce; a script authenticates with an application password.
 */
final class RequestSource
{
    public static function current(): Source
    {
        return did_action('application_password_did_authenticate') > 0 ? Source::Rest : Source::Admin;
    }
}
