<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Faults;

/**
 * The plugin's tables as each earlier schema version created them, reconstructed from git history
 * of php/Storage/Schema/Schema.php: v1 (59d59cd) runs, run events, audit; v2 (277b010) adds the
 * category_started and type_created indexes; v3 (3f813f9) adds drills and the notification outbox;
 * v4 (8f08195) adds breaker state (without `packed`) and breaker buckets; v5 adds `packed`.
 */
final class OldSchemas
{
    /** @return array<string,string> table suffix => CREATE TABLE as that version wrote it */
    public static function ddl(int $version, string $prefix, string $charset): array
    {
        $tables = [];
        $tables['sophmate_runs'] = "CREATE TABLE {$prefix}sophmate_runs (
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
" . ($version >= 2 ? "  KEY category_started (category,started_at),\n" : '') . "  KEY status_started (status,started_at),
  KEY started_at (started_at)
) $charset";
        $tables['sophmate_run_events'] = "CREATE TABLE {$prefix}sophmate_run_events (
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
  KEY record (record_type,record_id)" . ($version >= 2 ? ",\n  KEY type_created (type,created_at)" : '') . "
) $charset";
        $tables['sophmate_audit'] = "CREATE TABLE {$prefix}sophmate_audit (
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
) $charset";
        if ($version >= 3) {
            $tables['sophmate_drills'] = "CREATE TABLE {$prefix}sophmate_drills (
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
) $charset";
            $tables['sophmate_notifications'] = "CREATE TABLE {$prefix}sophmate_notifications (
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
) $charset";
        }
        if ($version >= 4) {
            $tables['sophmate_breaker_state'] = "CREATE TABLE {$prefix}sophmate_breaker_state (
  scope varchar(140) NOT NULL,
  consecutive int(10) unsigned NOT NULL DEFAULT 0,
  recent varchar(1000) NOT NULL DEFAULT '',
  updated_at datetime NOT NULL,
  PRIMARY KEY  (scope)
) $charset";
            $tables['sophmate_breaker_buckets'] = "CREATE TABLE {$prefix}sophmate_breaker_buckets (
  scope varchar(140) NOT NULL,
  metric varchar(48) NOT NULL,
  bucket datetime NOT NULL,
  amount decimal(20,6) NOT NULL DEFAULT 0,
  PRIMARY KEY  (scope,metric,bucket),
  KEY bucket (bucket)
) $charset";
        }
        return $tables;
    }

    /** @return array<string,string> table suffix => one INSERT of a row that version could hold */
    public static function sample_rows(int $version, string $prefix): array
    {
        $rows = [
            'sophmate_runs' => "INSERT INTO {$prefix}sophmate_runs (id, automation, category, run_trigger, status, started_at, finished_at, attempt, decision_scope, reason, context) VALUES (41, 'legacy-job', 'content', 'cron', 'succeeded', '2026-01-02 03:04:05', '2026-01-02 03:04:09', 1, '', 'kept <b>\"as is\"</b> ✓', '{\"hook\":\"legacy_hook\"}')",
            'sophmate_run_events' => "INSERT INTO {$prefix}sophmate_run_events (id, run_id, created_at, type, name, record_type, record_id, record_action) VALUES (7, 41, '2026-01-02 03:04:06', 'touched', 'write', 'post', '12', 'updated')",
        ];
        if ($version >= 3) {
            $rows['sophmate_drills'] = "INSERT INTO {$prefix}sophmate_drills (id, category, outcome, environment, started_at) VALUES (3, 'content', 'passed', 'staging', '2026-01-02 03:00:00')";
            $rows['sophmate_notifications'] = "INSERT INTO {$prefix}sophmate_notifications (id, created_at, event, channel, target, status) VALUES (5, '2026-01-02 03:00:00', 'paused', 'email', 'ops@example.test', 'sent')";
        }
        if ($version >= 4) {
            $rows['sophmate_breaker_state'] = "INSERT INTO {$prefix}sophmate_breaker_state (scope, consecutive, recent, updated_at) VALUES ('category:content', 2, '011', '2026-01-02 03:00:00')";
            $rows['sophmate_breaker_buckets'] = "INSERT INTO {$prefix}sophmate_breaker_buckets (scope, metric, bucket, amount) VALUES ('category:content', 'spend:usd', '2026-01-02 03:00:00', 1.5)";
        }
        return $rows;
    }
}
