<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Fuzz;

use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

require_once dirname(__DIR__) . '/IntegrationTestCase.php';

/**
 * Fuzzes every write route of the API (POST/PUT/PATCH/DELETE under sophmate-safe-mode/v1, read
 * from the REST server, so a new route is fuzzed without touching this file) with seeded random
 * and malformed input: in-process through rest_do_request for volume, and a sample over real HTTP
 * so raw bodies and headers go through PHP's own request parsing.
 *
 * Every answer must be a 4xx with a sophmate_ or core rest_ code (or a 2xx when the input happened
 * to be valid), never a 5xx or a PHP warning, and nothing may change the switches, the plugin's
 * configuration or the audit log unless it answered 2xx. The seed is printed on failure; replay
 * with SOPHMATE_FUZZ_SEED=<seed>. SOPHMATE_FUZZ_REQUESTS and SOPHMATE_FUZZ_HTTP_REQUESTS change
 * the counts (defaults 5,000 and 300).
 */
final class WriteRoutesFuzzTest extends IntegrationTestCase
{
    private const IN_PROCESS_REQUESTS = 5000;
    private const HTTP_REQUESTS = 300;
    /** Seconds each phase may take before it stops and fails: a hang is a finding too. */
    private const IN_PROCESS_SECONDS = 90;
    private const HTTP_SECONDS = 30;
    /** Options whose content is "state": switches and safe mode, and the configuration. */
    private const STATE_OPTIONS = [
        'switches' => ['sophmate_safe_mode_switches'],
        'config' => [
            'sophmate_safe_mode_categories', 'sophmate_safe_mode_automations', 'sophmate_safe_mode_providers',
            'sophmate_safe_mode_settings', 'sophmate_safe_mode_notifications', 'sophmate_safe_mode_review_cadence',
        ],
    ];
    private const ALLOWED_CODE = '/^(sophmate_|rest_)/';

    private FuzzInput $input;
    /** @var list<string> */
    private array $failures = [];
    /** @var list<string> automation ids that existed before the run */
    private array $automations_before = [];
    private int $subscriber = 0;
    /** An editor with only the pause capability: may pause and tighten safe mode, nothing else. */
    private int $pauser = 0;
    private string $last_request = '';
    /** @var array<string,int> answers by status and code, for the verbose summary */
    private array $codes = [];

    protected function setUp(): void
    {
        parent::setUp();
        $seed = getenv('SOPHMATE_FUZZ_SEED');
        $this->input = new FuzzInput($seed !== false && $seed !== '' ? (int) $seed : random_int(1, PHP_INT_MAX));
        $this->automations_before = array_keys($this->services->catalog->automations());
        $this->subscriber = $this->user_with_role('subscriber');
        $this->pauser = $this->user_with_role('editor');
        get_user_by('id', $this->pauser)->add_cap('sophmate_pause_automation');
        // Something for the {id} routes to find besides the built-in categories and providers.
        $created = $this->rest('POST', '/automations', [
            'id' => 'fuzz-target', 'label' => 'Fuzz target', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 'admin',
        ]);
        self::assertSame(201, $created->get_status(), (string) wp_json_encode($this->data($created)));
        $this->db->query("DELETE FROM {$this->services->schema->audit_table()}");
    }

    protected function tearDown(): void
    {
        // Fuzzed bodies may have created automations: the catalog keeps them in memory.
        foreach (array_keys($this->services->catalog->automations()) as $id) {
            if (!in_array($id, $this->automations_before, true)) {
                $this->services->catalog->remove_automation((string) $id);
            }
        }
        require_once ABSPATH . 'wp-admin/includes/user.php';
        wp_delete_user($this->subscriber);
        wp_delete_user($this->pauser);
        parent::tearDown();
        sophmate_tests_reset_plugin_state();
    }

    public function test_random_and_malformed_input_to_every_write_route_in_process_gets_a_clean_4xx(): void
    {
        $routes = $this->write_routes();
        self::assertGreaterThanOrEqual(15, count($routes), 'the write routes were found');
        $count = $this->count_from_env('SOPHMATE_FUZZ_REQUESTS', self::IN_PROCESS_REQUESTS);
        $started = microtime(true);
        $per_route = [];
        $statuses = [];
        for ($i = 0; $i < $count; $i++) {
            if (microtime(true) - $started > self::IN_PROCESS_SECONDS) {
                $this->failures[] = sprintf('stopped after %d of %d requests: over %d s', $i, $count, self::IN_PROCESS_SECONDS);
                break;
            }
            $route = $routes[$i % count($routes)];
            $per_route[$route['route']] = ($per_route[$route['route']] ?? 0) + 1;
            $status = $this->fuzz_in_process($route, $i);
            $statuses[$status] = ($statuses[$status] ?? 0) + 1;
        }
        $this->assert_audit_chain_intact();
        ksort($statuses);
        $this->report(sprintf('%d in-process requests in %.1f s; statuses %s', $i, microtime(true) - $started, (string) wp_json_encode($statuses)));
        self::assertSame(count($routes), count($per_route), 'every write route was fuzzed');
    }

    public function test_raw_malformed_requests_over_http_get_a_clean_4xx_and_log_no_php_warning(): void
    {
        $site = self::site();
        $logs = [rtrim((string) $site['log_dir'], '/') . '/debug.log', rtrim((string) $site['log_dir'], '/') . '/php-server.log'];
        $sizes = array_map(static fn (string $f): int => is_file($f) ? (int) filesize($f) : 0, $logs);
        $routes = $this->write_routes();
        $count = $this->count_from_env('SOPHMATE_FUZZ_HTTP_REQUESTS', self::HTTP_REQUESTS);
        $curl = curl_init();
        self::assertNotFalse($curl);
        $started = microtime(true);
        $statuses = [];
        for ($i = 0; $i < $count; $i++) {
            if (microtime(true) - $started > self::HTTP_SECONDS) {
                $this->failures[] = sprintf('stopped after %d of %d HTTP requests: over %d s', $i, $count, self::HTTP_SECONDS);
                break;
            }
            $status = $this->fuzz_over_http($curl, $site, $routes[$this->input->int(0, count($routes) - 1)], $i);
            $statuses[$status] = ($statuses[$status] ?? 0) + 1;
            // After each request, so a log line names the request that caused it.
            foreach ($logs as $n => $file) {
                clearstatcache(true, $file);
                $size = is_file($file) ? (int) filesize($file) : 0;
                if ($size > $sizes[$n]) {
                    foreach ($this->problems_in_log((string) file_get_contents($file, false, null, $sizes[$n])) as $line) {
                        $this->failures[] = sprintf('%s: %s logged %s', $this->last_request, basename($file), $line);
                    }
                }
                $sizes[$n] = $size;
            }
        }
        curl_close($curl);
        $this->assert_audit_chain_intact();
        ksort($statuses);
        $this->report(sprintf('%d HTTP requests in %.1f s; statuses %s', $i, microtime(true) - $started, (string) wp_json_encode($statuses)));
    }

    /**
     * One in-process request: builds it, sends it as admin (mostly), an anonymous visitor or a
     * subscriber, and checks the answer and what it changed.
     *
     * @param array{route:string,methods:list<string>,args:array<string,array<string,mixed>>,params:array<string,string>} $route
     */
    private function fuzz_in_process(array $route, int $n): int
    {
        $who = $this->input->chance(0.88) ? 'admin' : $this->input->pick(['anonymous', 'subscriber', 'pauser']);
        $method = $this->input->chance(0.03) ? $this->input->pick(['GET', 'DELETE', 'PUT', 'OPTIONS']) : $this->input->pick($route['methods']);
        $request = new \WP_REST_Request($method, $this->path_for($route));
        $shape = $this->input->pick(['json', 'json', 'json', 'json', 'random_json', 'malformed', 'form', 'form', 'query', 'wrong_type', 'duplicated', 'nested', 'empty']);
        $body = $this->input->body_for($route['args']);
        $description = $shape;
        switch ($shape) {
            case 'json':
            case 'random_json':
                $value = $shape === 'json' ? $body : $this->input->hostile_value();
                $request->set_header('Content-Type', 'application/json');
                $request->set_body((string) json_encode($value, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR));
                break;
            case 'malformed':
                $request->set_header('Content-Type', 'application/json');
                $request->set_body($this->input->malformed_json($route['args']));
                break;
            case 'duplicated':
                $request->set_header('Content-Type', 'application/json');
                $request->set_body($this->input->duplicated_keys($route['args']));
                break;
            case 'nested':
                $request->set_header('Content-Type', 'application/json');
                $nested = $this->input->nested_json($this->input->int(20, 2000));
                // Half the time under a real field, so it reaches that field's validation.
                $request->set_body($route['args'] !== [] && $this->input->chance(0.5)
                    ? sprintf('{"%s":%s}', (string) $this->input->pick(array_keys($route['args'])), $nested)
                    : $nested);
                break;
            case 'form':
                $request->set_header('Content-Type', 'application/x-www-form-urlencoded');
                $request->set_body_params($this->input->as_form($body));
                break;
            case 'query':
                $request->set_query_params($this->input->as_form($body));
                break;
            case 'wrong_type':
                $request->set_header('Content-Type', $this->input->wrong_content_type());
                $request->set_body((string) json_encode($body, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR));
                break;
        }
        if ($this->input->chance(0.2)) {
            $request->set_query_params($request->get_query_params() + $this->input->as_form($this->input->hostile_object()));
        }
        foreach ($this->input->headers() as $name => $value) {
            $request->set_header($name, $value);
        }
        $description = sprintf('#%d %s %s %s as %s, body %s', $n, $method, $request->get_route(), $description, $who, self::excerpt((string) $request->get_body() ?: (string) wp_json_encode($request->get_params())));

        wp_set_current_user(match ($who) {
            'admin' => self::admin_id(),
            'subscriber' => $this->subscriber,
            'pauser' => $this->pauser,
            default => 0,
        });
        $this->forget_caches();
        $before = $this->fingerprint();
        $warnings = [];
        set_error_handler(static function (int $errno, string $message, string $file, int $line) use (&$warnings): bool {
            // WordPress 6.1's own classes are deprecated on PHP 8.2 when first loaded: core's, not the input's.
            $core_deprecation = $errno === E_DEPRECATED && str_starts_with($file, ABSPATH);
            if ((error_reporting() & $errno) !== 0 && !$core_deprecation) {
                $warnings[] = sprintf('PHP error %d: %s in %s:%d', $errno, $message, $file, $line);
            }
            return true;
        });
        ob_start();
        try {
            $response = rest_do_request($request);
            // What serve_request() does next: an error becomes a response, then rest_post_dispatch
            // (where core calls every handler's permission callback for the Allow header).
            $response = is_wp_error($response) ? rest_convert_error_to_response($response) : rest_ensure_response($response);
            $response = apply_filters('rest_post_dispatch', $response, rest_get_server(), $request);
        } catch (\Throwable $e) {
            $response = null;
            $this->failures[] = sprintf('%s: threw %s: %s in %s:%d', $description, get_class($e), $e->getMessage(), $e->getFile(), $e->getLine());
        } finally {
            $output = (string) ob_get_clean();
            restore_error_handler();
            wp_set_current_user(self::admin_id());
        }
        foreach ($warnings as $warning) {
            $this->failures[] = $description . ': ' . $warning;
        }
        if ($output !== '') {
            $this->failures[] = $description . ': printed output: ' . self::excerpt($output);
        }
        if ($response === null) {
            return 0;
        }
        $status = $response->get_status();
        $data = rest_get_server()->response_to_data($response, false);
        $this->check_answer($description, $request->get_route(), $status, $data, $who);
        $this->check_changes($description, $status, is_array($data) ? $data : [], $before, $this->fingerprint(), $who, $request->get_route());
        return $status;
    }

    /**
     * One request over HTTP with a raw body and raw headers, authenticated by the admin's
     * application password (sometimes by nobody).
     *
     * @param \CurlHandle $curl
     * @param array<string,mixed> $site
     * @param array{route:string,methods:list<string>,args:array<string,array<string,mixed>>,params:array<string,string>} $route
     */
    private function fuzz_over_http($curl, array $site, array $route, int $n): int
    {
        $anonymous = $this->input->chance(0.1);
        $method = $this->input->chance(0.05) ? $this->input->pick(['GET', 'DELETE', 'PUT', 'OPTIONS']) : $this->input->pick($route['methods']);
        // php -S itself answers a NUL in the path with a plain-text 400 before PHP runs: not ours to test.
        do {
            $path = $this->path_for($route);
        } while (str_contains($path, "\x00"));
        $path = implode('/', array_map('rawurlencode', explode('/', $path)));
        $query = '';
        if ($this->input->chance(0.3)) {
            $query = '?' . $this->input->pick([
                http_build_query($this->input->as_form($this->input->body_for($route['args']))),
                'reason[]=a&reason[x]=b', 'a[][][][][][][][][][]=1', '_method=DELETE', '_method[]=PUT', '_envelope=1', '_fields=code',
                'acknowledged=run_history&acknowledged=failed_steps', '%FF=%FE', 'x=' . str_repeat('y', 4000), 'page=-1&per_page=99999',
            ]);
        }
        if (strlen($query) > 8000) {
            // Servers cap the request line (php -S drops the connection; nginx answers 414).
            $query = '?page=' . str_repeat('9', 20);
        }
        $headers = ['Expect:'];
        if (!$anonymous) {
            $headers[] = 'Authorization: Basic ' . base64_encode($site['admin_user'] . ':' . $site['app_password']);
        }
        $shape = $this->input->pick(['json', 'json', 'malformed', 'malformed', 'form', 'raw', 'wrong_type', 'duplicated_header', 'nested']);
        $body = $this->input->body_for($route['args']);
        switch ($shape) {
            case 'json':
                $headers[] = 'Content-Type: application/json';
                $raw = (string) json_encode($body, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR);
                break;
            case 'malformed':
                $headers[] = 'Content-Type: application/json';
                $raw = $this->input->malformed_json($route['args']);
                break;
            case 'form':
                $headers[] = 'Content-Type: application/x-www-form-urlencoded';
                $raw = http_build_query($this->input->as_form($body));
                break;
            case 'raw':
                $headers[] = 'Content-Type: ' . $this->input->pick(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz']);
                $raw = $this->input->pick([str_repeat('a=1&', 1500), "--xyz\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nx\r\n--xyz--", "reason=%FF%00&reason[=1", "\x00\x01\x02", $this->input->hostile_string()]);
                break;
            case 'wrong_type':
                $headers[] = 'Content-Type: ' . $this->input->wrong_content_type();
                $raw = (string) json_encode($body, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR);
                break;
            case 'duplicated_header':
                $headers[] = 'Content-Type: application/json';
                $headers[] = 'Content-Type: text/plain';
                $headers[] = 'X-HTTP-Method-Override: ' . $this->input->pick(['DELETE', 'GET', 'PATCH']);
                $raw = (string) json_encode($body, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR);
                break;
            default:
                $headers[] = 'Content-Type: application/json';
                $raw = $this->input->nested_json($this->input->int(100, 5000));
        }
        foreach ($this->input->headers() as $name => $value) {
            if ($name !== 'Content-Length') {
                $headers[] = $name . ': ' . $value;
            }
        }
        $description = sprintf('HTTP #%d %s %s%s %s%s, body %s', $n, $method, $path, self::excerpt($query), $shape, $anonymous ? ' anonymous' : '', self::excerpt($raw));
        $this->last_request = $description;

        $before = $this->fingerprint();
        curl_reset($curl);
        curl_setopt_array($curl, [
            CURLOPT_URL => rtrim((string) $site['url'], '/') . '/wp-json' . $path . $query,
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_POSTFIELDS => $raw,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => 20,
        ]);
        $text = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        if (!is_string($text)) {
            $this->failures[] = $description . ': no answer: ' . curl_error($curl);
            return 0;
        }
        $this->forget_caches();
        $data = json_decode($text, true);
        if (!is_array($data)) {
            $this->failures[] = sprintf('%s: %d with a body that is not JSON: %s', $description, $status, self::excerpt($text));
            return $status;
        }
        if (str_contains($query, '_envelope') && isset($data['status'], $data['body'])) {
            // _envelope moves the real status into the body and answers 200.
            $status = (int) $data['status'];
            $data = is_array($data['body']) ? $data['body'] : [];
        }
        $this->check_answer($description, $path, $status, $data, $anonymous ? 'anonymous' : 'admin');
        $this->check_changes($description, $status, $data, $before, $this->fingerprint());
        return $status;
    }

    /** The status and error code, for every answer. */
    private function check_answer(string $description, string $path, int $status, mixed $data, string $who): void
    {
        $code = is_array($data) ? (string) ($data['code'] ?? '') : '';
        $this->codes[$status . ' ' . $code] = ($this->codes[$status . ' ' . $code] ?? 0) + 1;
        if ($status >= 500 || $status < 200 || ($status >= 300 && $status < 400)) {
            $this->failures[] = sprintf('%s: answered %d %s: %s', $description, $status, $code, self::excerpt((string) wp_json_encode($data)));
            return;
        }
        if ($status >= 400) {
            if (!preg_match(self::ALLOWED_CODE, $code) || !is_string($data['message'] ?? null) || $data['message'] === '') {
                $this->failures[] = sprintf('%s: %d without a sophmate_/rest_ code and a message: %s', $description, $status, self::excerpt((string) wp_json_encode($data)));
            }
            // A refusal for lack of rights says so and nothing else (no data leaks through it).
            if (in_array($status, [401, 403], true) && $who !== 'admin' && array_diff(array_keys((array) ($data['data'] ?? [])), ['status', 'can_restart']) !== []) {
                $this->failures[] = sprintf('%s: %d carries data: %s', $description, $status, self::excerpt((string) wp_json_encode($data)));
            }
            if (wp_json_encode($data) === false) {
                $this->failures[] = sprintf('%s: %d error that cannot be encoded as JSON (echoes invalid UTF-8?)', $description, $status);
            }
            return;
        }
        // OPTIONS is core's public description of the route (CORS preflight), for everyone.
        if (str_contains($description, ' OPTIONS ') || $who === 'admin') {
            return;
        }
        // A subscriber succeeds only as an owner (if a fuzzed PATCH happened to name them); a
        // pauser's other successes must be dry runs (see check_changes).
        $may = match ($who) {
            'pauser' => true,
            'subscriber' => $this->owns($this->subscriber, $path),
            default => false,
        };
        if (!$may) {
            $this->failures[] = sprintf('%s: answered %d to %s', $description, $status, $who);
        }
    }

    /**
     * Nothing changes unless the request succeeded, and a 2xx that reports changed: false changed
     * no switch and wrote no audit event.
     *
     * @param array<mixed> $data
     * @param array<string,string> $before
     * @param array<string,string> $after
     */
    private function check_changes(string $description, int $status, array $data, array $before, array $after, string $who = 'admin', string $path = ''): void
    {
        // Without the manage capability only a pause or a stricter safe mode may change anything,
        // and what an owner may do to their scope (a fuzzed PATCH can make anyone an owner).
        $changes_allowed = match ($who) {
            'admin' => true,
            'pauser' => preg_match('#/(pause|safe-mode)$#', $path) === 1 || $this->owns($this->pauser, $path),
            'subscriber' => $this->owns($this->subscriber, $path),
            default => false,
        };
        if ($status >= 200 && $status < 300 && $changes_allowed) {
            if (($data['changed'] ?? null) === false && ($before['switches'] !== $after['switches'] || $before['audit'] !== $after['audit'])) {
                $this->failures[] = $description . ': answered changed: false but the switches or the audit log changed';
            }
            // A change that names its audit event: that event is new, and it is the newest one.
            if (($data['changed'] ?? null) === true && isset($data['audit_id']) && is_int($data['audit_id'])) {
                [, $max_before] = explode('/', $before['audit']);
                [, $max_after] = explode('/', $after['audit']);
                if ($data['audit_id'] <= (int) $max_before || $data['audit_id'] > (int) $max_after) {
                    $this->failures[] = sprintf('%s: audit_id %d is not an event this request wrote (%s → %s)', $description, $data['audit_id'], $before['audit'], $after['audit']);
                }
            }
            return;
        }
        foreach ($before as $what => $value) {
            if ($after[$what] !== $value) {
                $this->failures[] = sprintf('%s: answered %d as %s but changed the %s (%s → %s)', $description, $status, $who, $what, $value, $after[$what]);
            }
        }
    }

    /** Is the user an owner of the category or automation this owner action's path names? */
    private function owns(int $user, string $path): bool
    {
        if (!preg_match('#/(categories|automations)/([^/]+)/(pause|restart|promote|reviews)$#', $path, $m)) {
            return false;
        }
        $this->forget_caches();
        $catalog = $this->services->catalog;
        $slug = $m[2];
        $owners = [];
        if ($m[1] === 'automations') {
            $automation = $catalog->find_automation($m[2]);
            $owners[] = $automation?->owner_id;
            $slug = (string) $automation?->category;
        }
        if ($catalog->has_category($slug)) {
            $category = $catalog->category($slug);
            array_push($owners, $category->owner_id, $category->backup_owner_id, $category->policy->restart_owner_id);
        }
        return in_array($user, $owners, true);
    }

    /** @return array<string,string> a cheap fingerprint of the state, read straight from the database */
    private function fingerprint(): array
    {
        $print = [];
        foreach (self::STATE_OPTIONS as $what => $names) {
            $placeholders = implode(',', array_fill(0, count($names), '%s'));
            $rows = $this->db->get_results($this->db->prepare("SELECT option_name, option_value FROM {$this->db->options} WHERE option_name IN ({$placeholders}) ORDER BY option_name", ...$names), ARRAY_N);
            $print[$what] = md5((string) wp_json_encode($rows));
        }
        $audit = $this->db->get_row("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM {$this->services->schema->audit_table()}", ARRAY_N);
        $print['audit'] = implode('/', (array) $audit);
        return $print;
    }

    private function assert_audit_chain_intact(): void
    {
        $verified = $this->services->audit->verify();
        if (!$verified->ok) {
            $this->failures[] = sprintf('the audit chain is broken at id %d after %d entries', (int) $verified->first_bad_id, $verified->checked);
        }
        if ($this->db->last_error !== '') {
            $this->failures[] = 'database error: ' . $this->db->last_error;
        }
    }

    /** Fails with every finding (the first 25) and the seed; passes quietly otherwise. */
    private function report(string $summary): void
    {
        if ($this->failures !== []) {
            $shown = array_slice(array_unique($this->failures), 0, 25);
            self::fail(sprintf(
                "Fuzz seed %d (replay: SOPHMATE_FUZZ_SEED=%d): %d findings; %s\n- %s",
                $this->input->seed,
                $this->input->seed,
                count($this->failures),
                $summary,
                implode("\n- ", $shown)
            ));
        }
        $this->addToAssertionCount(1);
        if (getenv('SOPHMATE_FUZZ_VERBOSE')) {
            arsort($this->codes);
            fwrite(STDERR, sprintf("\nFuzz seed %d: %s\ncodes %s\n", $this->input->seed, $summary, (string) wp_json_encode($this->codes)));
        }
    }

    /** @return list<string> log entries that are PHP problems or errors the plugin logged */
    private function problems_in_log(string $text): array
    {
        $problems = [];
        foreach (preg_split('/\R/', $text) ?: [] as $line) {
            if (str_contains($line, 'SophMate Safe Mode:')) {
                $problems[] = self::excerpt($line);
            } elseif (str_contains($line, 'in Unknown on line 0')) {
                // PHP's own parsing of the raw request (a multipart body without a boundary), logged
                // before any script runs: no plugin can prevent it, and it changes nothing.
                continue;
            } elseif (preg_match('/PHP (Warning|Notice|Fatal|Parse)/', $line)) {
                $problems[] = self::excerpt($line);
            } elseif (str_contains($line, 'PHP Deprecated') && $this->points_into_plugin($line)) {
                $problems[] = self::excerpt($line);
            }
        }
        return $problems;
    }

    private function points_into_plugin(string $line): bool
    {
        $root = dirname(__DIR__, 4) . '/';
        return str_contains($line, 'wp-content/plugins/sophmate-safe-mode')
            || (bool) preg_match('#' . preg_quote($root, '#') . '(?!\.wp/|node_modules/)#', $line);
    }

    /**
     * The write routes of our namespace, from the REST server itself.
     *
     * @return list<array{route:string,methods:list<string>,args:array<string,array<string,mixed>>,params:array<string,string>}>
     */
    private function write_routes(): array
    {
        $routes = [];
        foreach (rest_get_server()->get_routes(Controller::NS) as $route => $handlers) {
            foreach ($handlers as $handler) {
                $methods = array_values(array_diff(array_keys(array_filter((array) ($handler['methods'] ?? []))), ['GET', 'HEAD']));
                if ($methods === []) {
                    continue;
                }
                preg_match_all('/\(\?P<(\w+)>([^)]*)\)/', $route, $matches, PREG_SET_ORDER);
                $routes[] = [
                    'route' => $route . ' ' . implode(',', $methods),
                    'methods' => $methods,
                    'args' => array_filter((array) ($handler['args'] ?? []), 'is_array'),
                    'params' => array_column($matches, 2, 1),
                    'pattern' => $route,
                ];
            }
        }
        return $routes;
    }

    /**
     * The route's URL with each named parameter filled in: a real id most of the time.
     *
     * @param array{pattern?:string,params:array<string,string>} $route
     */
    private function path_for(array $route): string
    {
        $pattern = (string) ($route['pattern'] ?? '');
        return (string) preg_replace_callback('/\(\?P<(\w+)>([^)]*)\)/', function (array $m) use ($pattern): string {
            return $this->input->path_param($this->known_ids($pattern, $m[1]), $m[2] === '\d+');
        }, $pattern);
    }

    /** @return list<string> ids that exist for a route's parameter */
    private function known_ids(string $pattern, string $param): array
    {
        $ids = match (true) {
            str_contains($pattern, '/providers/') => array_keys($this->services->providers->all()),
            str_contains($pattern, '/automations/') => ['fuzz-target'],
            str_contains($pattern, '/categories/') => array_keys($this->services->catalog->categories()),
            default => [],
        };
        return $param === 'id' || $param === 'slug' ? array_map('strval', $ids) : [];
    }

    private function count_from_env(string $name, int $default): int
    {
        $value = getenv($name);
        return $value !== false && ctype_digit($value) ? (int) $value : $default;
    }

    private static function excerpt(string $text): string
    {
        $text = (string) preg_replace('/[^\x20-\x7E]/', '?', $text);
        return strlen($text) > 240 ? substr($text, 0, 240) . '…(' . strlen($text) . ' bytes)' : $text;
    }
}
