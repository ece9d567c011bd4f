<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

/**
 * All or nothing for writes that belong together: a switch change and its audit entry. If the
 * work throws (or the database goes away before the commit), none of it is kept.
 */
interface Transaction
{
    /**
     * @template T
     * @param callable():T $work
     * @return T
     */
    public function atomically(callable $work): mixed;
}
