namespace Tilannekuva.Programme.Editing;

public enum FieldKind { Text, LongText, Int, Decimal, Date, Bool, Enum }

/// <summary>One editable property of a programme entity; Label is a text key ("Field.&lt;Name&gt;").</summary>
public sealed record EditableField(string Name, FieldKind Kind, bool Required = false, int? Min = null, int? Max = null, Type? EnumType = null)
{
    public string Label => "Field." + Name;
}
