namespace SenGraph.Contracts.Reports;

/// <summary>Column lengths and list sizes of the report envelope; the validator and the EF model share them.</summary>
public static class ReportLimits
{
    public const int TypeMaxLength = 16;

    /// <summary>Longest <c>Report.RetentionKey</c> (a schedule's key, e.g. <c>Field:responseCompletedOn:15:10</c>).</summary>
    public const int RetentionKeyMaxLength = 100;
    public const int NumberMaxLength = 32;
    public const int StatusMaxLength = 32;
    public const int TitleMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int StateCodeLength = 2;
    public const int OfficeCodeMaxLength = 32;
    public const int UserNameMaxLength = 64;
    public const int ReasonMaxLength = 2_000;
    public const int CaseReferenceMaxLength = 64;

    public const int NameMaxLength = 100;
    public const int CountryCodeLength = 3;
    public const int StreetMaxLength = 200;

    /// <summary>USPS code in the US, a province or region name abroad.</summary>
    public const int AddressStateMaxLength = 64;

    public const int PostalCodeMaxLength = 16;
    public const int ANumberLength = 10;
    public const int FinMaxLength = 12;
    public const int FbiNumberMaxLength = 9;
    public const int ImmigrationStatusMaxLength = 100;

    public const int ContactNameMaxLength = 200;
    public const int AgencyMaxLength = 200;
    public const int PhoneMaxLength = 32;

    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int EmailMaxLength = 254;

    public const int HeadingMaxLength = 200;
    public const int NarrativeMaxLength = 20_000;

    public const int MaxPeople = 100;
    public const int MaxContacts = 50;
    public const int MaxNarratives = 50;
}
