package org.netweave.manager.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * Model values in JSON as people write them: typed ids ({@code HostId}, {@code VmId} …) as their
 * text, addresses and prefixes in dotted and colon notation, a VNI as its number — never as an
 * object with a {@code value} field.
 */
final class ModelJson extends SimpleModule {
    ModelJson() {
        super("netweave-model");
        addSerializer(Ipv4Address.class, ToStringSerializer.instance);
        addSerializer(Ipv4Prefix.class, ToStringSerializer.instance);
        addSerializer(MacAddress.class, ToStringSerializer.instance);
        addSerializer(Vni.class, new JsonSerializer<>() {
            @Override
            public void serialize(Vni vni, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeNumber(vni.value());
            }
        });
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                      JsonSerializer<?> serializer) {
                return isTextId(description.getBeanClass()) ? ToStringSerializer.instance : serializer;
            }
        });
    }

    /** A model record whose one component is a String named value: a typed id. */
    static boolean isTextId(Class<?> type) {
        if (!type.isRecord() || !type.getPackageName().equals("org.netweave.model")) {
            return false;
        }
        var components = type.getRecordComponents();
        return components.length == 1 && components[0].getName().equals("value")
                && components[0].getType() == String.class;
    }
}
