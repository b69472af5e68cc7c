package dev.aegis.notification;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationStore extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.recipient = ?1 order by n.createdAt desc, n.id desc")
    List<Notification> newestFor(String recipient, Pageable page);

    @Query("select count(n) from Notification n where n.recipient = ?1 and n.readAt is null")
    long countUnread(String recipient);

    @Modifying
    @Query("update Notification n set n.readAt = ?2 where n.recipient = ?1 and n.readAt is null")
    int readAll(String recipient, java.time.Instant at);
}
