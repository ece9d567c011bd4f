<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Exception\NotFound;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Providers\Provider;
use SophMate\SafeMode\Domain\Text;
use SophMate\SafeMode\Providers\ProviderChangeRecorder;
use SophMate\SafeMode\Providers\ProviderDependents;
use SophMate\SafeMode\Providers\StatusPoller;

/** wp sophmate providers */
final class ProvidersCommand extends CommandSupport
{
    private const FIELDS = ['slug', 'label', 'hosts', 'status', 'status_source', 'status_url', 'checked_at', 'last_polled_at', 'last_error'];

    /**
     * Lists providers with their status, where it came from, and the last poll's error.
     *
     * ## OPTIONS
     *
     * [--fields=<fields>]
     * : Comma-separated fields (default: slug, label, hosts, status, status_source, status_url,
     * checked_at, last_polled_at, last_error; also status_description, polled_status, used_by).
     *
     * [--format=<format>]
     * : table, json, csv or yaml.
     * ---
     * default: table
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate providers list
     *     wp sophmate providers list --format=json
     *
     * @subcommand list
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function list_(array $args, array $assoc_args): void
    {
        $dependents = new ProviderDependents($this->services->catalog);
        $rows = array_map(fn (Provider $p): array => self::row($p) + ['used_by' => $dependents->of($p->slug)], array_values($this->services->providers->all()));
        $this->output($assoc_args, $rows, self::FIELDS);
    }

    /**
     * Polls the status URL of one provider, or of every provider that has one, now.
     *
     * A failed poll (unreachable, HTTP error, not a status page) is reported as a warning and
     * recorded as the provider's last_error; its status stays as it was.
     *
     * ## OPTIONS
     *
     * [<slug>]
     * : The provider to check; all providers with a status URL when omitted.
     *
     * [--format=<format>]
     * : table, json, csv or yaml.
     * ---
     * default: table
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate providers check
     *     wp sophmate providers check openai
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function check(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $poller = new StatusPoller($this->services);
            if (isset($args[0])) {
                $polled = [$poller->poll($this->existing((string) $args[0]), $this->actor(), 'cli')];
            } else {
                $polled = $poller->poll_all($this->actor(), 'cli');
                if ($polled === []) {
                    \WP_CLI::warning('No provider has a status URL; set one with: wp sophmate providers set <slug> --status-url=<url>');
                    return;
                }
            }
            foreach ($polled as $provider) {
                if ($provider->last_error !== null) {
                    \WP_CLI::warning(sprintf('%s: %s', $provider->slug, $provider->last_error));
                }
            }
            $this->output($assoc_args, array_map(static fn (Provider $p): array => self::row($p), $polled), ['slug', 'status', 'status_source', 'status_description', 'last_polled_at', 'last_error']);
        });
    }

    /**
     * Creates or changes a provider: its status by hand, its label, hosts or status URL.
     *
     * ## OPTIONS
     *
     * <slug>
     * : Provider slug (lowercase letters, digits, - and _).
     *
     * [--status=<status>]
     * : operational, degraded, outage or unknown (the status source becomes manual).
     *
     * [--label=<label>]
     * : Name shown to operators.
     *
     * [--hosts=<hosts>]
     * : Comma-separated hosts, e.g. api.example.com,*.example.net.
     *
     * [--status-url=<url>]
     * : http(s) URL of a Statuspage-style status.json; "" stops polling.
     *
     * [--reason=<text>]
     * : Why the status was set by hand (audited).
     *
     * ## EXAMPLES
     *
     *     wp sophmate providers set openai --label=OpenAI --hosts=api.openai.com --status-url=https://status.openai.com/api/v2/status.json
     *     wp sophmate providers set openai --status=outage --reason="Timeouts since 14:05"
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function set(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $slug = Identifier::assert_valid((string) ($args[0] ?? ''), 'provider');
            $input = [];
            foreach (['status' => 'status', 'label' => 'label', 'status-url' => 'status_url'] as $option => $field) {
                if (array_key_exists($option, $assoc_args)) {
                    $input[$field] = (string) $assoc_args[$option];
                }
            }
            if (array_key_exists('hosts', $assoc_args)) {
                $input['hosts'] = array_values(array_filter(array_map('trim', explode(',', (string) $assoc_args['hosts'])), static fn (string $h): bool => $h !== ''));
            }
            if ($input === []) {
                \WP_CLI::error('Nothing to set: give --status, --label, --hosts or --status-url.');
            }
            $base = $this->services->providers->find($slug);
            $provider = Provider::from_input($slug, $input, $base, $this->services->clock->now());
            $reason = Text::reason((string) ($assoc_args['reason'] ?? ''), false);
            $change = (new ProviderChangeRecorder($this->services))->record($base, $provider, $this->actor(), 'cli', $reason);
            \WP_CLI::success($change->changed_anything()
                ? sprintf('Provider %s %s (%s changed); status %s.', $slug, $base === null ? 'created' : 'updated', implode(' and ', $change->kinds()), $provider->status)
                : sprintf('Provider %s unchanged; status %s.', $slug, $provider->status));
        });
    }

    /**
     * Deletes a provider that no category or automation names any more.
     *
     * ## OPTIONS
     *
     * <slug>
     * : The provider.
     *
     * ## EXAMPLES
     *
     *     wp sophmate providers delete old-mailer
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function delete(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args): void {
            $provider = $this->existing((string) ($args[0] ?? ''));
            (new ProviderDependents($this->services->catalog))->assert_unused($provider->slug);
            (new ProviderChangeRecorder($this->services))->record($provider, null, $this->actor(), 'cli');
            \WP_CLI::success(sprintf('Provider %s deleted.', $provider->slug));
        });
    }

    private function existing(string $slug): Provider
    {
        Identifier::assert_valid($slug, 'provider');
        return $this->services->providers->find($slug) ?? throw new NotFound('sophmate_unknown_provider', sprintf('There is no provider "%s".', $slug));
    }

    /** @return array<string,mixed> */
    private static function row(Provider $provider): array
    {
        $row = $provider->to_array();
        $row['hosts'] = implode(',', $provider->hosts);
        return $row;
    }
}
