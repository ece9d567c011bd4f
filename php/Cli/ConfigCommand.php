<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\ConfigTransfer\ConfigTransfer;
use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Services;

/**
 * Exports and imports the configuration (categories, policies, automations, providers, settings;
 * never secrets), so what was drilled on staging is what goes live.
 */
final class ConfigCommand extends CommandSupport
{
    public function __construct(Services $services, private readonly ConfigTransfer $transfer)
    {
        parent::__construct($services);
    }

    /**
     * Prints the configuration as JSON, or writes it to a file.
     *
     * ## OPTIONS
     *
     * [--file=<path>]
     * : Write the document to this file instead of standard output.
     *
     * ## EXAMPLES
     *
     *     wp sophmate config export > staging-config.json
     *     wp sophmate config export --file=/tmp/staging-config.json
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function export(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($assoc_args): void {
            $json = (string) wp_json_encode($this->transfer->export($this->actor(), Source::Cli->value), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
            $file = $assoc_args['file'] ?? null;
            if (!is_string($file) || $file === '') {
                \WP_CLI::line($json);
                return;
            }
            if (@file_put_contents($file, $json . "\n") === false) { // phpcs:ignore
                \WP_CLI::error(sprintf('Could not write %s.', $file));
            }
            \WP_CLI::success(sprintf('Configuration written to %s.', $file));
        });
    }

    /**
     * Validates a configuration file, prints what it would change, and applies all of it or nothing.
     *
     * Every error is listed with its JSON path. Import never deletes (what the file lacks is kept)
     * and never raises an automation's mode; automations registered by code are reported, not changed.
     *
     * ## OPTIONS
     *
     * <file>
     * : A JSON file written by `wp sophmate config export` or the admin's "Export configuration".
     *
     * [--dry-run]
     * : Validate and show the changes; change nothing.
     *
     * [--yes]
     * : Apply without asking for confirmation.
     *
     * [--format=<format>]
     * : How to print the changes.
     * ---
     * default: table
     * options:
     *   - table
     *   - json
     *   - csv
     *   - yaml
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate config import staging-config.json --dry-run
     *     wp sophmate config import staging-config.json --yes
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function import(array $args, array $assoc_args): void
    {
        $file = (string) ($args[0] ?? '');
        $raw = is_readable($file) ? file_get_contents($file) : false;
        if ($raw === false) {
            \WP_CLI::error(sprintf('Cannot read the file "%s".', $file));
            return;
        }
        $document = json_decode($raw, true);
        if (!is_array($document)) {
            \WP_CLI::error(sprintf('%s is not valid JSON: %s.', $file, json_last_error_msg()));
            return;
        }
        $dry_run = !empty($assoc_args['dry-run']);
        try {
            $preview = $this->transfer->import($document, true, $this->actor(), Source::Cli->value);
        } catch (SafeModeException $e) {
            $this->print_errors($e, $assoc_args);
            return;
        }
        $this->print_changes($preview, $assoc_args);
        if ($dry_run) {
            \WP_CLI::success(sprintf('Dry run: %s. Nothing was changed.', self::summary($preview['summary'])));
            return;
        }
        if ($preview['summary']['added'] + $preview['summary']['changed'] === 0) {
            \WP_CLI::success('Nothing to change: this site already has this configuration.');
            return;
        }
        if (empty($assoc_args['yes']) && method_exists(\WP_CLI::class, 'confirm')) {
            \WP_CLI::confirm(sprintf('Apply %s to %s?', self::summary($preview['summary']), home_url()), $assoc_args);
        }
        $this->guarded(function () use ($document, $preview): void {
            // What was printed is what is applied: a change on the site meanwhile refuses (409).
            $report = $this->transfer->import($document, false, $this->actor(), Source::Cli->value, $preview['changes_hash']);
            \WP_CLI::success(sprintf('Imported: %s.', self::summary($report['summary'])));
        });
    }

    /**
     * @param array{changes:list<array<string,mixed>>,warnings:list<string>,source:array<string,string>} $report
     * @param array<string,mixed> $assoc_args
     */
    private function print_changes(array $report, array $assoc_args): void
    {
        $source = trim($report['source']['environment'] . ' ' . $report['source']['site']);
        \WP_CLI::line(sprintf('File from %s (exported %s); this site is %s.', $source !== '' ? $source : 'an unknown site', $report['source']['exported_at'] ?: '-', wp_get_environment_type()));
        $rows = [];
        foreach ($report['changes'] as $change) {
            if ($change['change'] === 'unchanged') {
                continue;
            }
            if ($change['fields'] === []) {
                $rows[] = ['type' => $change['type'], 'id' => $change['id'], 'change' => $change['change'], 'field' => '', 'from' => '', 'to' => ''];
            }
            foreach ($change['fields'] as $field) {
                $rows[] = ['type' => $change['type'], 'id' => $change['id'], 'change' => $change['change'], 'field' => $field['path'], 'from' => self::text($field['from']), 'to' => self::text($field['to'])];
            }
        }
        $this->output($assoc_args, $rows, ['type', 'id', 'change', 'field', 'from', 'to']);
        foreach ($report['warnings'] as $warning) {
            \WP_CLI::warning($warning);
        }
    }

    /** @param array<string,mixed> $assoc_args */
    private function print_errors(SafeModeException $e, array $assoc_args): void
    {
        $errors = $e->data()['errors'] ?? [];
        if ($errors !== []) {
            $this->output(['format' => $assoc_args['format'] ?? 'table'], $errors, ['path', 'code', 'message']);
        }
        \WP_CLI::error(sprintf('%s (%s)', $e->getMessage(), $e->error_code()));
    }

    /** @param array<string,int> $summary */
    private static function summary(array $summary): string
    {
        return sprintf('%d added, %d changed, %d unchanged, %d kept (not in the file), %d skipped (registered by code)', $summary['added'], $summary['changed'], $summary['unchanged'], $summary['not_in_file'], $summary['skipped']);
    }

    /** @param mixed $value */
    private static function text($value): string
    {
        if (is_array($value) && isset($value['login'])) {
            return (string) $value['login'];
        }
        return is_scalar($value) ? (is_bool($value) ? ($value ? 'true' : 'false') : (string) $value) : (string) wp_json_encode($value);
    }
}
