package flowcare.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;

/**
 * The analysis-common module that normally provides "cjk" is not published for 8.x,
 * so register Lucene's CJK bigram analyzer ourselves.
 */
public class CjkAnalysisPlugin extends Plugin implements AnalysisPlugin {
    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("cjk", (indexSettings, environment, name, settings) -> new CjkAnalyzerProvider(name, settings));
    }

    static class CjkAnalyzerProvider extends AbstractIndexAnalyzerProvider<CJKAnalyzer> {
        private final CJKAnalyzer analyzer = new CJKAnalyzer();

        CjkAnalyzerProvider(String name, Settings settings) {
            super(name, settings);
        }

        @Override
        public CJKAnalyzer get() {
            return analyzer;
        }
    }
}
