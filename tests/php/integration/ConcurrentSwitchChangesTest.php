<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Domain\Switches\Acknowledgements;

/**
 * 200 pause / restart requests at once against the test site's web server (several PHP workers):
 * every accepted change is stored and audited exactly once, and none is lost.
 */
final class ConcurrentSwitchChangesTest extends IntegrationTestCase
{
    public function test_concurrent_pauses_and_restarts_lose_no_update_and_audit_each_accepted_change(): void
    {
        $site = self::site();
        $base = rtrim((string) $site['url'], '/') . '/wp-json/sophmate-safe-mode/v1/categories/';
        $auth = 'Authorization: Basic ' . base64_encode($site['admin_user'] . ':' . $site['app_password']);
        $slugs = ['commerce', 'content', 'support', 'marketing', 'system', 'image', 'agent'];
        $version_before = $this->stored_switches()['version'];

        $multi = curl_multi_init();
        $handles = [];
        for ($i = 0; $i < 200; $i++) {
            $slug = $slugs[$i % count($slugs)];
            $pause = intdiv($i, count($slugs)) % 2 === 0;
            $body = $pause ? ['reason' => 'concurrency ' . $i] : ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'concurrency ' . $i, 'scope' => ['max_runs' => 1]];
            $handle = curl_init($base . $slug . ($pause ? '/pause' : '/restart'));
            curl_setopt_array($handle, [
                CURLOPT_POST => true,
                CURLOPT_POSTFIELDS => (string) wp_json_encode($body),
                CURLOPT_HTTPHEADER => [$auth, 'Content-Type: application/json'],
                CURLOPT_RETURNTRANSFER => true,
                CURLOPT_TIMEOUT => 120,
            ]);
            curl_multi_add_handle($multi, $handle);
            $handles[] = $handle;
        }
        do {
            $status = curl_multi_exec($multi, $running);
            if ($running > 0) {
                curl_multi_select($multi, 1.0);
            }
        } while ($running > 0 && $status === CURLM_OK);

        $accepted = 0;
        $codes = [];
        foreach ($handles as $handle) {
            $code = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
            $codes[$code] = ($codes[$code] ?? 0) + 1;
            $body = json_decode((string) curl_multi_getcontent($handle), true);
            if ($code === 200 && ($body['changed'] ?? false) === true) {
                $accepted++;
            } else {
                // Refusals are expected (pausing a paused category, restarting one not paused), never a 5xx.
                self::assertContains($code, [200, 409], (string) curl_multi_getcontent($handle));
            }
            curl_multi_remove_handle($multi, $handle);
        }
        curl_multi_close($multi);

        $this->forget_caches();
        $stored = $this->stored_switches();
        $audit = $this->audit_rows();
        self::assertGreaterThan(0, $accepted, wp_json_encode($codes));
        self::assertCount($accepted, $audit, 'one audit event per accepted change, no more, no less');
        self::assertSame($version_before + $accepted, $stored['version'], 'every accepted change advanced the version exactly once');
        foreach ($slugs as $slug) {
            $last = null;
            foreach ($audit as $row) {
                $version = (int) json_decode((string) $row['context'], true)['version'];
                if ($row['scope'] === 'category:' . $slug && ($last === null || $version > $last['version'])) {
                    $last = $row + ['version' => $version];
                }
            }
            $state = $stored['categories'][$slug]['state'] ?? 'running';
            self::assertSame($last['after_state'] ?? 'running', $state, "final state of $slug is its last accepted change");
        }
        self::assertTrue($this->services->audit->verify()->ok, 'the hash chain survived concurrent appends');
    }
}
