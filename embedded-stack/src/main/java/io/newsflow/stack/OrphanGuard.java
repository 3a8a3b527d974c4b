package io.newsflow.stack;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Java agent in every child JVM of the stack: the launcher holds the child's stdin pipe open, and
 * the kernel closes it when the launcher's process is gone, however it went (kill -9, OOM killer,
 * a closed terminal). At end of input the child exits through its own shutdown hooks, so a service
 * or the broker shuts down as gracefully as on SIGTERM instead of running on as an orphan.
 */
public final class OrphanGuard {

    private OrphanGuard() {
    }

    /**
     * @param owner the child's log file, under the data folder: it stands on the child's command
     *              line so that a later launcher can tell this data folder's processes from others
     */
    public static void premain(String owner) {
        Thread watch = new Thread(() -> {
            try {
                System.in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // a broken pipe is the launcher's end as much as end of input is
            }
            System.out.println("[newsflow] the launcher is gone (stdin closed); stopping");
            System.exit(0);
        }, "newsflow-orphan-guard");
        watch.setDaemon(true);
        watch.start();
    }
}
