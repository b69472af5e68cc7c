package dev.aegis.audit;

import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link EntityChangeAuditor} into Hibernate's event listeners while the session factory is being built, so
 * that no change can happen unaudited, and without a bean that waits for the finished factory: the factory is built in
 * the background during start-up (Spring Data's deferred bootstrap mode), while the rest of Aegis starts
 * (docs/benchmarks.md, Start-up). The auditor bean itself is looked up at the first change.
 */
@Configuration(proxyBeanMethods = false)
class AuditedChangesIntegration {

    @Bean
    HibernatePropertiesCustomizer auditedChangesListeners(ObjectProvider<EntityChangeAuditor> auditor) {
        Integrator integrator = new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext context, SessionFactoryImplementor factory) {
                Listeners listeners = new Listeners(auditor);
                EventListenerRegistry registry = factory.getServiceRegistry().getService(EventListenerRegistry.class);
                registry.appendListeners(EventType.POST_INSERT, listeners);
                registry.appendListeners(EventType.POST_UPDATE, listeners);
                registry.appendListeners(EventType.POST_DELETE, listeners);
                registry.appendListeners(EventType.POST_COLLECTION_UPDATE, listeners);
            }
        };
        return properties ->
                properties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> List.of(integrator));
    }

    /** Hands every change to the auditor bean, found once at the first change. */
    private static final class Listeners
            implements PostInsertEventListener,
                    PostUpdateEventListener,
                    PostDeleteEventListener,
                    PostCollectionUpdateEventListener {

        private final ObjectProvider<EntityChangeAuditor> provider;
        private volatile EntityChangeAuditor auditor;

        Listeners(ObjectProvider<EntityChangeAuditor> provider) {
            this.provider = provider;
        }

        private EntityChangeAuditor auditor() {
            EntityChangeAuditor a = auditor;
            if (a == null) {
                a = provider.getObject();
                auditor = a;
            }
            return a;
        }

        @Override
        public void onPostInsert(PostInsertEvent event) {
            auditor().onPostInsert(event);
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            auditor().onPostUpdate(event);
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            auditor().onPostDelete(event);
        }

        @Override
        public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
            auditor().onPostUpdateCollection(event);
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }
    }
}
