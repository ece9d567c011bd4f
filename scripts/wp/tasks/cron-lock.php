<?php

/**
 * Run through eval-file.php before requesting /wp-cron.php: replaces any doing_cron
 * lock with a fresh key and prints it. wp-cron.php runs only when the
 * ?doing_wp_cron=<key> it is given equals the stored lock.
 */

delete_transient('doing_cron');
$sophmate_cron_key = sprintf('%.22F', microtime(true));
set_transient('doing_cron', $sophmate_cron_key);
echo $sophmate_cron_key, "\n";
