package dev.aegis.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must only happen once the change that asked for it is committed (a mail, a background build): run after
 * the current transaction commits, never when it rolls back; at once when there is no transaction.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
