<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Demo;

/**
 * Development-only automations (loaded when SOPHMATE_SAFE_MODE_DEMO is true) so a dev site has
 * live run history: one of each kind across five categories, on real WP-Cron, doing real work in
 * the site, calling a fake AI provider served by the site itself, and some failing on purpose.
 */
final class DemoAutomations
{
    public const INTERVAL = 'sophmate_demo_every_two_minutes';
    public const PROVIDER_ROUTE = '/sophmate-demo/v1/provider/complete';

    /** @return array<string,array<string,mixed>> id => registration args plus the callback */
    public static function definitions(): array
    {
        return [
            'demo-order-digest' => [
                'label' => 'Daily order digest', 'kind' => 'workflow', 'category' => 'commerce',
                'run' => [self::class, 'order_digest'],
                'checklist' => ['trigger' => 'WP-Cron every 2 minutes', 'input_data' => 'Published posts (stand-in for orders)', 'output' => 'Option sophmate_demo_order_digest', 'approval' => 'None', 'retry' => 'Next schedule', 'failure_notification' => 'Admin email'],
            ],
            'demo-content-watcher' => [
                'label' => 'Missing excerpt watcher', 'kind' => 'watcher', 'category' => 'content',
                'run' => [self::class, 'content_watcher'],
                'checklist' => ['trigger' => 'WP-Cron every 2 minutes', 'input_data' => 'Posts', 'output' => 'Post meta _sophmate_demo_checked', 'approval' => 'None', 'retry' => 'Next schedule', 'failure_notification' => 'Admin email'],
            ],
            'demo-support-agent' => [
                'label' => 'Support reply agent', 'kind' => 'agent', 'category' => 'support', 'providers' => ['demo-ai'],
                'run' => [self::class, 'support_agent'],
                'checklist' => ['trigger' => 'WP-Cron every 2 minutes', 'input_data' => 'Pending comments', 'output' => 'Draft replies', 'approval' => 'Human approves each reply', 'retry' => 'None', 'failure_notification' => 'Admin email'],
            ],
            'demo-newsletter-playbook' => [
                'label' => 'Weekly newsletter playbook', 'kind' => 'playbook', 'category' => 'marketing', 'providers' => ['demo-ai'],
                'run' => [self::class, 'newsletter_playbook'],
                'checklist' => ['trigger' => 'WP-Cron every 2 minutes', 'input_data' => 'Latest posts', 'output' => 'Draft post "Newsletter draft"', 'approval' => 'Editor publishes by hand', 'retry' => 'None', 'failure_notification' => 'Admin email'],
            ],
            'demo-image-alt-text' => [
                'label' => 'Image alt-text tool', 'kind' => 'custom_tool', 'category' => 'image', 'providers' => ['demo-ai'],
                'run' => [self::class, 'image_alt_text'],
                'checklist' => ['trigger' => 'WP-Cron every 2 minutes', 'input_data' => 'Attachments without alt text', 'output' => 'Alt text meta', 'approval' => 'None', 'retry' => 'Next schedule', 'failure_notification' => 'Admin email'],
            ],
        ];
    }

    public function register(): void
    {
        add_filter('cron_schedules', [self::class, 'add_interval']);
        add_action('init', [$this, 'register_automations']);
        add_action('rest_api_init', [$this, 'register_provider']);
        foreach (self::definitions() as $id => $definition) {
            add_action(self::hook($id), static function () use ($id, $definition): void {
                self::execute($id, $definition['run'], 'cron');
            });
        }
    }

    public static function hook(string $id): string
    {
        return 'sophmate_demo_' . str_replace('-', '_', $id);
    }

    /**
     * @param array<string,array<string,mixed>> $schedules
     * @return array<string,array<string,mixed>>
     */
    public static function add_interval(array $schedules): array
    {
        $schedules[self::INTERVAL] = ['interval' => 120, 'display' => 'Every two minutes (SophMate demo)'];
        return $schedules;
    }

    public function register_automations(): void
    {
        sophmate_safe_mode_register_provider('demo-ai', ['label' => 'Demo AI (served by this site)', 'hosts' => [(string) parse_url(home_url(), PHP_URL_HOST)]]);
        foreach (self::definitions() as $id => $definition) {
            unset($definition['run']);
            sophmate_safe_mode_register_automation($id, $definition + ['owner' => 1, 'mode' => 'live']);
            if (wp_next_scheduled(self::hook($id)) === false) {
                wp_schedule_event(time(), self::INTERVAL, self::hook($id));
            }
        }
    }

    /** Runs one demo automation through the cooperative API, turning exceptions into a failed run. */
    public static function execute(string $id, callable $work, string $trigger): \SophMate\SafeMode\Run
    {
        $run = sophmate_safe_mode_start_run($id, ['trigger' => $trigger]);
        if (!$run->is_allowed()) {
            return $run;
        }
        try {
            $work($run);
            $run->succeed();
        } catch (\Throwable $e) {
            $run->fail($e);
        }
        return $run;
    }

    public function register_provider(): void
    {
        register_rest_route('sophmate-demo/v1', '/provider/complete', [
            'methods' => 'POST',
            'callback' => [self::class, 'fake_completion'],
            // A stand-in for an external AI API: it answers anyone, like the real thing would with a key.
            'permission_callback' => '__return_true',
            'args' => ['prompt' => ['type' => 'string', 'default' => '']],
        ]);
    }

    /** Answers like an AI API: usually a completion with token usage, sometimes (1 in 4) a 503. */
    public static function fake_completion(\WP_REST_Request $request): \WP_REST_Response
    {
        $prompt = (string) $request->get_param('prompt');
        if (random_int(1, 4) === 1) {
            return new \WP_REST_Response(['error' => 'overloaded', 'message' => 'The demo provider is overloaded; try again later.'], 503);
        }
        return new \WP_REST_Response([
            'completion' => 'Demo answer to: ' . mb_substr($prompt, 0, 80),
            'usage' => ['tokens' => 50 + mb_strlen($prompt)],
        ]);
    }

    /** @return array{completion:string,tokens:int} */
    private static function ask_provider(\SophMate\SafeMode\Run $run, string $prompt): array
    {
        $response = wp_remote_post(rest_url(ltrim(self::PROVIDER_ROUTE, '/')), ['body' => ['prompt' => $prompt], 'timeout' => 10]);
        if (is_wp_error($response)) {
            throw new \RuntimeException('Provider request failed: ' . $response->get_error_message());
        }
        $code = (int) wp_remote_retrieve_response_code($response);
        $body = json_decode((string) wp_remote_retrieve_body($response), true);
        if ($code !== 200 || !is_array($body)) {
            throw new \RuntimeException(sprintf('Provider answered HTTP %d: %s', $code, is_array($body) ? (string) ($body['message'] ?? '') : 'not JSON'));
        }
        $tokens = (int) ($body['usage']['tokens'] ?? 0);
        $run->spend($tokens, 'tokens');
        return ['completion' => (string) $body['completion'], 'tokens' => $tokens];
    }

    public static function order_digest(\SophMate\SafeMode\Run $run): void
    {
        $run->step('count published posts');
        $count = (int) wp_count_posts('post')->publish;
        $run->step('store digest');
        if ($run->touched('option', 'sophmate_demo_order_digest', 'update')) {
            update_option('sophmate_demo_order_digest', ['posts' => $count, 'at' => gmdate('c')], false);
        }
    }

    public static function content_watcher(\SophMate\SafeMode\Run $run): void
    {
        $run->step('find posts without excerpt');
        $posts = get_posts(['post_type' => 'post', 'post_status' => 'publish', 'numberposts' => 5, 'fields' => 'ids']);
        foreach ($posts as $post_id) {
            if (!$run->checkpoint()) {
                return;
            }
            $run->step('check post ' . $post_id);
            if (!has_excerpt($post_id) && $run->touched('post', $post_id, 'update')) {
                update_post_meta($post_id, '_sophmate_demo_checked', gmdate('c'));
            }
        }
    }

    public static function support_agent(\SophMate\SafeMode\Run $run): void
    {
        $run->step('draft reply with the AI provider');
        $answer = self::ask_provider($run, 'Draft a polite reply to the newest customer question.');
        $run->step('queue reply for approval');
        $run->await_approval('Reply draft: ' . mb_substr($answer['completion'], 0, 120));
    }

    public static function newsletter_playbook(\SophMate\SafeMode\Run $run): void
    {
        $run->step('summarise latest posts');
        $answer = self::ask_provider($run, 'Summarise this week\'s posts for the newsletter.');
        $run->step('create newsletter draft');
        $draft = get_page_by_path('sophmate-demo-newsletter-draft', OBJECT, 'post');
        if ($draft instanceof \WP_Post) {
            if ($run->touched('post', $draft->ID, 'update')) {
                wp_update_post(['ID' => $draft->ID, 'post_content' => $answer['completion']]);
            }
            return;
        }
        if ($run->touched('post', 'new', 'create')) {
            wp_insert_post(['post_title' => 'Newsletter draft', 'post_name' => 'sophmate-demo-newsletter-draft', 'post_status' => 'draft', 'post_content' => $answer['completion']]);
        }
    }

    public static function image_alt_text(\SophMate\SafeMode\Run $run): void
    {
        $run->step('describe images with the AI provider');
        self::ask_provider($run, 'Describe the newest image for its alt text.');
        $run->step('validate the description');
        // Fails every third run on purpose, so the demo history always has failed steps to review
        // while staying under the default failures breaker (50% over the last 20 runs).
        $runs = (int) get_option('sophmate_demo_alt_text_runs', 0) + 1;
        update_option('sophmate_demo_alt_text_runs', $runs, false);
        if ($runs % 3 === 0) {
            throw new \UnexpectedValueException('The vision model returned an empty description.');
        }
    }
}
