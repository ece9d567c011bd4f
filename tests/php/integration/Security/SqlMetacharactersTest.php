<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Security;

use SophMate\SafeMode\Cli\AuditCommand;
use SophMate\SafeMode\Cli\PauseCommand;
use SophMate\SafeMode\Cli\ReviewCommand;
use SophMate\SafeMode\Cli\RunsCommand;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

require_once dirname(__DIR__) . '/Support/wp-cli-double.php';

/**
 * SQL metacharacters in every filter and id of every route (read from the live REST server) and of
 * the CLI: each answer is a 4xx or exactly what a plain value that matches nothing returns (so
 * "' OR 1=1 --" finds nothing more), and the database never reports an error.
 */
final class SqlMetacharactersTest extends IntegrationTestCase
{
    private const PAYLOADS = [
        "'",
        '"',
        "x';--",
        "' OR 1=1 -- ",
        '" OR ""="',
        "1' OR '1'='1",
        "1) OR (1=1",
        '%',
        '_',
        '%%s%d',
        '\\',
        "\\'; DROP TABLE wp_options; --",
        "' UNION SELECT user_login, user_pass FROM wp_users -- ",
        "1 UNION SELECT NULL,NULL,NULL#",
        "a\0b",
        "\xff\xfe invalid utf-8",
        "`; SELECT SLEEP(5); `",
    ];

    /** @return array<int|string,string> the payloads, the long one 100,000 characters */
    private static function payloads(): array
    {
        return ['long' => str_repeat("' OR 1=1 -- ", 8334)] + self::PAYLOADS;
    }

    /** @var list<string> */
    private array $db_errors = [];
    private string $error_log = '';
    private string $previous_error_log = '';
    private int $seeded = 0;

    protected function setUp(): void
    {
        parent::setUp();
        sophmate_safe_mode_register_automation('sql-probe-bot', ['label' => 'Probe', 'kind' => 'workflow', 'category' => 'support', 'owner' => 'admin']);
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'seed']);
        $run = sophmate_safe_mode_start_run('sql-probe-bot', ['trigger' => 'manual']);
        $run->touched('post', 7, 'updated');
        $run->succeed();
        $this->seeded = count($this->audit_rows());
        // Every database error WordPress sees, whether or not a later query clears last_error.
        $this->db_errors = [];
        add_filter('query', [$this, 'note_error_before_query']);
        $this->error_log = (string) tempnam(sys_get_temp_dir(), 'sophmate-sql-');
        $this->previous_error_log = (string) ini_get('error_log');
        ini_set('error_log', $this->error_log);
        $GLOBALS['EZSQL_ERROR'] = [];
    }

    protected function tearDown(): void
    {
        remove_filter('query', [$this, 'note_error_before_query']);
        ini_set('error_log', $this->previous_error_log);
        @unlink($this->error_log);
        parent::tearDown();
    }

    /** @param string $query */
    public function note_error_before_query($query)
    {
        if ($this->db->last_error !== '') {
            $this->db_errors[] = $this->db->last_error . ' [' . $this->db->last_query . ']';
        }
        return $query;
    }

    private function assertNoDatabaseError(string $label): void
    {
        $this->note_error_before_query('');
        self::assertSame([], $this->db_errors, $label);
        self::assertSame([], $GLOBALS['EZSQL_ERROR'] ?? [], $label);
        clearstatcache();
        self::assertSame('', (string) @file_get_contents($this->error_log), $label . ': PHP error log');
    }

    private function get(string $path, array $query): \WP_REST_Response
    {
        $request = new \WP_REST_Request('GET', '/' . Controller::NS . $path);
        $request->set_query_params($query);
        $this->forget_caches();
        return rest_do_request($request);
    }

    /** Volatile fields (times computed now) that differ between two identical requests. */
    private function comparable(\WP_REST_Response $response): string
    {
        $json = (string) wp_json_encode($this->data($response));
        return (string) preg_replace('/"(generated_at|now|checked_at|as_of)":"[^"]*"/', '"$1":""', $json);
    }

    public function test_filters_on_every_readable_route_return_400_or_what_a_plain_non_matching_value_returns(): void
    {
        $tried = 0;
        foreach (rest_get_server()->get_routes(Controller::NS) as $pattern => $handlers) {
            if (str_contains($pattern, '(?P<')) {
                continue; // ids: the next test
            }
            foreach ($handlers as $handler) {
                if (!isset($handler['methods']['GET'])) {
                    continue;
                }
                $path = substr($pattern, strlen('/' . Controller::NS));
                foreach (array_keys($handler['args'] ?? []) as $arg) {
                    $plain = $this->get($path, [$arg => 'zzz-no-such-value']);
                    foreach (self::payloads() as $payload) {
                        $tried++;
                        $label = sprintf('GET %s?%s=%s', $path, $arg, substr(addcslashes($payload, "\0..\37\177..\377"), 0, 80));
                        $response = $this->get($path, [$arg => $payload]);
                        $status = $response->get_status();
                        self::assertTrue($status === 200 || ($status >= 400 && $status < 500), $label . ' answered ' . $status);
                        if ($status === 200) {
                            self::assertSame($this->comparable($plain), $this->comparable($response), $label . ' found more than a plain value');
                        } else {
                            self::assertMatchesRegularExpression('/^(sophmate_|rest_)/', (string) ($this->data($response)['code'] ?? ''), $label);
                        }
                        $this->assertNoDatabaseError($label);
                    }
                }
            }
        }
        self::assertGreaterThan(400, $tried);
    }

    public function test_ids_in_every_route_path_are_refused_or_not_found(): void
    {
        $tried = 0;
        foreach (rest_get_server()->get_routes(Controller::NS) as $pattern => $handlers) {
            if (!str_contains($pattern, '(?P<')) {
                continue;
            }
            foreach ($handlers as $handler) {
                foreach (array_keys($handler['methods']) as $method) {
                    foreach (self::payloads() as $payload) {
                        $tried++;
                        $path = (string) preg_replace('#\(\?P<\w+>[^)]+\)#', rawurlencode($payload), $pattern);
                        $request = new \WP_REST_Request($method, rawurldecode($path));
                        if ($method !== 'GET') {
                            $request->set_header('Content-Type', 'application/json');
                            $request->set_body((string) wp_json_encode(['reason' => 'probe', 'note' => 'probe', 'category' => 'marketing']));
                        }
                        $this->forget_caches();
                        $response = rest_do_request($request);
                        $label = sprintf('%s %s', $method, substr(addcslashes($path, "\0..\37\177..\377"), 0, 120));
                        self::assertGreaterThanOrEqual(400, $response->get_status(), $label);
                        self::assertLessThan(500, $response->get_status(), $label . ': ' . wp_json_encode($this->data($response)));
                        $this->assertNoDatabaseError($label);
                    }
                }
            }
        }
        self::assertGreaterThan(400, $tried);
        self::assertCount($this->seeded, $this->audit_rows(), 'no probe changed anything');
        self::assertTrue($this->services->audit->verify()->ok);
    }

    public function test_cli_filters_and_scopes_refuse_or_find_nothing(): void
    {
        foreach (self::payloads() as $payload) {
            $label = substr(addcslashes($payload, "\0..\37\177..\377"), 0, 80);
            foreach ([[new RunsCommand($this->services), 'category'], [new AuditCommand($this->services), 'scope']] as [$command, $filter]) {
                \WP_CLI::reset();
                try {
                    $command->list_([], [$filter => $payload, 'format' => 'json']);
                    self::assertSame([], \WP_CLI::$formatted[0]['rows'], get_class($command) . " --{$filter}={$label} found rows");
                } catch (\WP_CLI\ExitException $e) {
                    self::assertStringContainsString('sophmate_invalid_filter', $e->getMessage(), $label);
                }
            }
            foreach ([[new PauseCommand($this->services), ['category:' . $payload], ['reason' => 'probe']], [new ReviewCommand($this->services), ['automation:' . $payload], []]] as [$command, $args, $assoc]) {
                try {
                    $command($args, $assoc);
                    self::fail(get_class($command) . " accepted {$label}");
                } catch (\WP_CLI\ExitException $e) {
                    self::assertStringContainsString('sophmate_', $e->getMessage());
                }
            }
            $this->assertNoDatabaseError("cli {$label}");
        }
        self::assertCount($this->seeded, $this->audit_rows());
    }
}
