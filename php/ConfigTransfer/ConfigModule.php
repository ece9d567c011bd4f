<?php

declare(strict_types=1);

namespace SophMate\SafeMode\ConfigTransfer;

use SophMate\SafeMode\Cli\ConfigCommand;
use SophMate\SafeMode\Services;

/** Wires configuration export and import (staging to production) into WordPress. */
final class ConfigModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        global $wpdb;
        $transfer = new ConfigTransfer($this->services, $wpdb);
        $controller = new ConfigController($this->services, $transfer);
        $controller->register();
        add_action('rest_api_init', [$controller, 'register_routes']);
        if (defined('WP_CLI') && WP_CLI && class_exists(\WP_CLI::class)) {
            \WP_CLI::add_command('sophmate config', new ConfigCommand($this->services, $transfer));
        }
    }
}
