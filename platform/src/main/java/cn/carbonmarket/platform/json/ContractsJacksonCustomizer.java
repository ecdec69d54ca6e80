package cn.carbonmarket.platform.json;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Money;
import cn.carbonmarket.contracts.unit.Units;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Writes the contracts' value types as the plain JSON an integrator expects: ids and instrument codes as strings,
 * units (tonnes) and money (fen) as integers. The records stay free of Jackson annotations.
 */
@Singleton
public class ContractsJacksonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("carbon-market-contracts");
        text(module, PartyId.class, PartyId::parse);
        text(module, AccountId.class, AccountId::parse);
        text(module, InstrumentCode.class, InstrumentCode::parse);
        number(module, Units.class, Units::tonnes, Units::of);
        number(module, Money.class, Money::fen, Money::ofFen);
        mapper.registerModule(module);
        // A misspelt field in a request is an error, not silently ignored data.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // Money and units are integers: 12.5 must not quietly become 12.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    private static <T> void text(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, ToStringSerializer.instance);
        module.addDeserializer(type, new FromStringDeserializer<>(type) {
            @Override
            protected T _deserialize(String value, DeserializationContext ctxt) {
                return parse.apply(value);
            }
        });
    }

    private static <T> void number(SimpleModule module, Class<T> type, ToLongFunction<T> toLong,
                                   java.util.function.LongFunction<T> fromLong) {
        module.addSerializer(type, new StdSerializer<>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeNumber(toLong.applyAsLong(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return fromLong.apply(ctxt.readValue(p, long.class));
            }
        });
    }
}
