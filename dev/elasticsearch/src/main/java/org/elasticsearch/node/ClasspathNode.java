package org.elasticsearch.node;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;

/**
 * A node whose plugins come from the classpath. Lives in this package because
 * {@link NodeConstruction} and {@link NodeServiceProvider} are package-private.
 */
public class ClasspathNode extends Node {
    public ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(environment, new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, Settings settings) {
                return new ClasspathPluginsService(settings, plugins);
            }
        }, true));
    }
}
