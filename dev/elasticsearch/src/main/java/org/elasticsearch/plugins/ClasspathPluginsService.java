package org.elasticsearch.plugins;

import org.elasticsearch.Version;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.jdk.ModuleQualifiedExportsService;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Loads plugins straight from the application classpath instead of plugin bundles on disk.
 * Lives in this package because {@link PluginsService.LoadedPlugin} and {@link #loadPlugin} are package-private.
 */
public class ClasspathPluginsService extends PluginsService {
    private final List<LoadedPlugin> plugins;

    public ClasspathPluginsService(Settings settings, Collection<Class<? extends Plugin>> pluginClasses) {
        // null directories: there are no module or plugin bundles to scan
        super(settings, null, null, null);
        ClassLoader loader = ClasspathPluginsService.class.getClassLoader();
        plugins = pluginClasses.stream().map(pluginClass -> {
            var descriptor = new PluginDescriptor(pluginClass.getSimpleName(), "classpath plugin", Version.CURRENT.toString(),
                Version.CURRENT.toString(), "17", pluginClass.getName(), null, List.of(), false, false, false, false);
            return new LoadedPlugin(descriptor, loadPlugin(pluginClass, settings, null), loader, ModuleLayer.boot());
        }).toList();
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return plugins;
    }

    @Override
    protected void addServerExportsService(Map<String, List<ModuleQualifiedExportsService>> qualifiedExports) {
        // everything runs in the unnamed module, so there are no qualified exports to wire up
    }
}
