<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage\Schema;

/**
 * The custom tables and their version. Bump VERSION with every change to a CREATE TABLE below;
 * dbDelta brings older installs up to date, and Upgrades holds anything dbDelta cannot do.
 */
final class Schema
{
    public const VERSION = 5;
    public const VERSION_OPTION = 'sophmate_safe_mode_db_version';

    public function __construct(private readonly \wpdb $db)
    {
    }

    public function runs_table(): string
    {
        return $this->db->prefix . 'sophmate_runs';
    }

    public function run_events_table(): string
    {
        return $this->db->prefix . 'sophmate_run_events';
    }

    public function audit_table(): string
    {
        return $this->db->prefix . 'sophmate_audit';
    }

    /** Pause drills: one row per drill, with the state it restored and its full report. */
    public function drills_table(): string
    {
        return $this->db->prefix . 'sophmate_drills';
    }

    /** The notification outbox: every email and webhook, its attempts and its last error. */
    public function notifications_table(): string
    {
        return $this->db->prefix . 'sophmate_notifications';
    }

    /** Breaker counters: one row per scope (consecutive failures, the last outcomes), updated in one statement per run. */
    public function breaker_state_table(): string
    {
        return $this->db->prefix . 'sophmate_breaker_state';
    }

    /** Breaker windows: spend and customer-facing actions per scope, metric and minute (or hour), upserted. */
    public function breaker_buckets_table(): string
    {
        return $this->db->prefix . 'sophmate_breaker_buckets';
    }

    /** @return list<string> */
    public function tables(): array
    {
        return [$this->runs_table(), $this->run_events_table(), $this->audit_table(), $this->drills_table(), $this->notifications_table(), $this->breaker_state_table(), $this->breaker_buckets_table()];
    }

    public function installed_version(): int
    {
        return (int) get_option(self::VERSION_OPTION, 0);
    }

    public function is_current(): bool
    {
        return $this->installed_version() === self::VERSION;
    }

    /** Creates or upgrades every table; safe to run again (dbDelta adds only what is missing). */
    public function install(): void
    {
        require_once ABSPATH . 'wp-admin/includes/upgrade.php';
        foreach ($this->statements() as $sql) {
            dbDelta($sql);
        }
        update_option(self::VERSION_OPTION, self::VERSION, true);
    }

    /** @return array<string,string> table => its CREATE TABLE at the current version */
    public function statements(): array
    {
        $charset = $this->db->get_charset_collate();
        // dbDelta is picky: two spaces after PRIMARY KEY, one field per line, KEY not INDEX.
        return [
            $this->runs_table() => "CREATE TABLE {$this->runs_table()} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  automation varchar(64) NOT NULL,
  category varchar(64) NOT NULL,
  run_trigger varchar(32) NOT NULL DEFAULT '',
  status varchar(20) NOT NULL,
  started_at datetime NOT NULL,
  finished_at datetime DEFAULT NULL,
  read_only tinyint(1) NOT NULL DEFAULT 0,
  attempt smallint(5) unsigned NOT NULL DEFAULT 1,
  failed_step varchar(191) DEFAULT NULL,
  error text DEFAULT NULL,
  spend text DEFAULT NULL,
  decision_scope varchar(140) NOT NULL DEFAULT '',
  reason text DEFAULT NULL,
  context longtext DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY category_status_started (category,status,started_at),
  KEY automation_started (automation,started_at),
  KEY category_started (category,started_at),
  KEY status_started (status,started_at),
  KEY started_at (started_at)
) $charset;",
            $this->run_events_table() => "CREATE TABLE {$this->run_events_table()} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  run_id bigint(20) unsigned NOT NULL,
  created_at datetime NOT NULL,
  type varchar(20) NOT NULL,
  name varchar(191) NOT NULL DEFAULT '',
  amount decimal(18,6) DEFAULT NULL,
  unit varchar(32) DEFAULT NULL,
  record_type varchar(64) DEFAULT NULL,
  record_id varchar(191) DEFAULT NULL,
  record_action varchar(32) DEFAULT NULL,
  data longtext DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY run_id (run_id,id),
  KEY record (record_type,record_id),
  KEY type_created (type,created_at)
) $charset;",
            $this->audit_table() => "CREATE TABLE {$this->audit_table()} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  created_at datetime NOT NULL,
  action varchar(40) NOT NULL,
  scope varchar(140) NOT NULL,
  before_state varchar(40) NOT NULL DEFAULT '',
  after_state varchar(40) NOT NULL DEFAULT '',
  reason text NOT NULL,
  actor_id bigint(20) unsigned NOT NULL DEFAULT 0,
  actor_login varchar(60) NOT NULL DEFAULT '',
  actor_name varchar(250) NOT NULL DEFAULT '',
  source varchar(20) NOT NULL DEFAULT '',
  context longtext DEFAULT NULL,
  prev_hash char(64) NOT NULL DEFAULT '',
  hash char(64) NOT NULL,
  PRIMARY KEY  (id),
  KEY scope_created (scope,created_at),
  KEY action_created (action,created_at),
  KEY actor_created (actor_id,created_at),
  KEY created_at (created_at)
) $charset;",
            $this->drills_table() => "CREATE TABLE {$this->drills_table()} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  category varchar(64) NOT NULL,
  outcome varchar(20) NOT NULL,
  environment varchar(20) NOT NULL DEFAULT '',
  actor_id bigint(20) unsigned NOT NULL DEFAULT 0,
  started_at datetime NOT NULL,
  finished_at datetime DEFAULT NULL,
  report longtext DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY category_started (category,started_at)
) $charset;",
            $this->notifications_table() => "CREATE TABLE {$this->notifications_table()} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  created_at datetime NOT NULL,
  event varchar(40) NOT NULL,
  scope varchar(140) NOT NULL DEFAULT '',
  channel varchar(20) NOT NULL,
  target varchar(500) NOT NULL,
  subject varchar(255) NOT NULL DEFAULT '',
  payload longtext DEFAULT NULL,
  status varchar(20) NOT NULL,
  attempts smallint(5) unsigned NOT NULL DEFAULT 0,
  next_attempt_at datetime DEFAULT NULL,
  last_error text DEFAULT NULL,
  sent_at datetime DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY status_next (status,next_attempt_at),
  KEY created_at (created_at)
) $charset;",
            $this->breaker_state_table() => "CREATE TABLE {$this->breaker_state_table()} (
  scope varchar(140) NOT NULL,
  consecutive int(10) unsigned NOT NULL DEFAULT 0,
  recent varchar(1000) NOT NULL DEFAULT '',
  packed bigint(20) unsigned NOT NULL DEFAULT 0,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (scope)
) $charset;",
            $this->breaker_buckets_table() => "CREATE TABLE {$this->breaker_buckets_table()} (
  scope varchar(140) NOT NULL,
  metric varchar(48) NOT NULL,
  bucket datetime NOT NULL,
  amount decimal(20,6) NOT NULL DEFAULT 0,
  PRIMARY KEY  (scope,metric,bucket),
  KEY bucket (bucket)
) $charset;",
        ];
    }

    /**
     * The columns each table has at the current version, read from the statements above, so a table
     * restored from an older schema (missing a column) is told apart from a current one.
     *
     * @return array<string,list<string>>
     */
    public function columns(): array
    {
        $columns = [];
        foreach ($this->statements() as $table => $sql) {
            preg_match_all('/^  ([a-z_]+) [a-z]/m', $sql, $matches);
            $columns[$table] = $matches[1];
        }
        return $columns;
    }

    /** Drops every table; only uninstall calls this. */
    public function drop(): void
    {
        foreach ($this->tables() as $table) {
            $this->db->query("DROP TABLE IF EXISTS {$table}"); // phpcs:ignore -- table names are ours, not input
        }
        delete_option(self::VERSION_OPTION);
    }
}
