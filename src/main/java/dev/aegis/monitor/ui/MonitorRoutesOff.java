package dev.aegis.monitor.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * With the monitor turned off (AEGIS_MONITOR_ENABLED=false) its services do not exist, so its screens go too: Vaadin
 * finds routes by scanning, not through Spring's conditions, and would otherwise list "Monitor" in the menu.
 */
@Component
@ConditionalOnBooleanProperty(name = "aegis.monitor.enabled", havingValue = false)
class MonitorRoutesOff implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        var routes = RouteConfiguration.forApplicationScope();
        routes.removeRoute(MonitorView.class);
        routes.removeRoute(DeploymentView.class);
    }
}
