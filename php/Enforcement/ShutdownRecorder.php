<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Storage\RunRepository;

/**
 * A run still open when PHP shuts down never finished: a fatal error, an exit, a timeout. It is
 * recorded as failed with the last PHP error, so it shows up in review instead of "running" forever.
 */
final class ShutdownRecorder
{
    private const FATAL = E_ERROR | E_PARSE | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR | E_RECOVERABLE_ERROR;

    public function __construct(
        private readonly RunContext $context,
        private readonly RunRepository $runs,
        private readonly Clock $clock,
        private readonly RetryScheduler $retries,
    ) {
    }

    public function register(): void
    {
        add_action('shutdown', [$this, 'record'], 0);
    }

    /** The fatal PHP error that is ending this request, if one is. */
    public static function fatal_error(): ?string
    {
        $error = error_get_last();
        if ($error === null || ($error['type'] & self::FATAL) === 0) {
            return null;
        }
        return mb_substr(sprintf('PHP fatal error: %s in %s:%d', $error['message'], $error['file'], $error['line']), 0, 2000);
    }

    public function record(): void
    {
        $open = $this->context->open_runs();
        if ($open === []) {
            return;
        }
        $message = self::fatal_error() ?? 'The run did not finish: the request ended before succeed() or fail() was called.';
        foreach ($open as $run_id) {
            $entry = $this->context->find($run_id);
            $this->runs->finish($run_id, RunStatus::Failed, $this->clock->now(), null, $message, []);
            $this->context->leave($run_id);
            // The same signal a Run gives when it fails, so a trial is judged on fatal errors too.
            do_action('sophmate_safe_mode_run_finished', $run_id, RunStatus::Failed->value, $entry['automation'] ?? null, $message);
            if ($entry !== null && $entry['hook'] !== '') {
                $this->retries->after_failure($entry['automation'], $entry['hook'], $entry['args'], $entry['attempt']);
            }
        }
    }
}
