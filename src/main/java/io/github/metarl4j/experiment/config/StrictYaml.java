package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The YAML dialect of config files: plain YAML 1.1 mappings, lists and scalars, where
 * {@code .nan}, {@code .inf} and {@code -.inf} are numbers (so a record's own check rejects them
 * with the key and the value), and aliases ({@code *a}), anchors ({@code &a}) and tags
 * ({@code !!str}) are errors: a config is read as written, never with one value standing for another.
 */
final class StrictYaml extends YAMLFactory {

    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    StrictYaml() {
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new Parser(ctxt, this, r);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
            throws IOException {
        return _createParser(new CharArrayReader(data, offset, len), ctxt);
    }

    /** Whether {@code text} is YAML's spelling of NaN or an infinity. */
    static boolean nonFinite(String text) {
        return NON_FINITE.matcher(text).matches();
    }

    private static final class Parser extends YAMLParser {

        Parser(IOContext ctxt, StrictYaml factory, Reader r) {
            super(ctxt, factory._getBufferRecycler(), factory.getParserFeatures(), factory.getFormatParserFeatures(),
                    factory.getCodec(), r);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = super.nextToken();
            if (t == null) {
                return null;
            }
            if (_lastEvent instanceof AliasEvent alias) {
                throw refused("an alias (*" + alias.getAnchor() + ") is not supported; write the value out in full");
            }
            if (_lastEvent instanceof NodeEvent node && node.getAnchor() != null) {
                throw refused("an anchor (&" + node.getAnchor() + ") is not supported; write each value out in full");
            }
            String tag = _lastEvent instanceof ScalarEvent s && s.getImplicit().bothFalse() ? s.getTag()
                    : _lastEvent instanceof CollectionStartEvent c && !c.getImplicit() ? c.getTag() : null;
            if (tag != null) {
                throw refused("a tag (" + tag + ") is not supported; write the plain value");
            }
            return t;
        }

        @Override
        protected void _parseNumericValue(int expType) throws IOException {
            if (_currToken == JsonToken.VALUE_NUMBER_FLOAT && nonFinite(_textValue)) {
                String t = _textValue;
                _numberDouble = t.contains("nan") || t.contains("NaN") || t.contains("NAN") ? Double.NaN
                        : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                _numTypesValid = NR_DOUBLE;
                return;
            }
            super._parseNumericValue(expType);
        }

        private JsonParseException refused(String message) {
            return new JsonParseException(this, message, currentTokenLocation());
        }
    }
}
