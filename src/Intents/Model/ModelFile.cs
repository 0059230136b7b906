using System.Runtime.InteropServices;
using System.Text;
using Intents.Featurization;
using Intents.Language;

namespace Intents.Model;

/// <summary>
/// The versioned binary model file: magic, format version, then featuriser settings, labels, vocabulary (hash table
/// and IDF), int8 weights with per-row scales, calibration, language detector and the data fingerprint. Little-endian; no timestamps, so the
/// same model always writes the same bytes.
/// </summary>
internal static class ModelFile
{
    public const int CurrentVersion = 2;
    private const uint Magic = 0x4D544E49; // "INTM"
    private const uint EndMarker = 0x444E4521; // "!END"

    public static void Write(IntentClassifier classifier, Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(CurrentVersion);
        w.Write(classifier.DataFingerprint);

        var s = classifier.Settings;
        w.Write(s.WordNgramMax);
        w.Write(s.CharNgramMin);
        w.Write(s.CharNgramMax);
        w.Write(s.CharAcrossWords);
        w.Write(s.HashSeed);
        w.Write(s.SkipBigrams);

        w.Write(classifier.Labels.Count);
        foreach (var label in classifier.Labels)
        {
            w.Write(label);
        }

        w.Write(classifier.OutOfScopeLabel);

        var v = classifier.Vocabulary;
        WriteArray(w, v.SlotKeys);
        WriteArray(w, v.SlotIndices);
        WriteArray(w, v.Idf);

        var m = classifier.Model;
        w.Write(m.Features);
        w.Write(m.Classes);
        WriteArray(w, m.Weights);
        WriteArray(w, m.RowScales);
        WriteArray(w, m.Bias);

        var c = classifier.Calibration;
        w.Write(c.Temperature);
        w.Write(c.MarginWeight);
        w.Write(c.OutOfScopeThreshold);
        w.Write(c.ConfidentThreshold);
        w.Write(c.EnergyWeight);

        var d = classifier.LanguageDetector;
        w.Write(d.Languages.Length);
        foreach (var language in d.Languages)
        {
            w.Write(language);
        }

        w.Write(d.BucketBits);
        WriteArray(w, d.Model.Weights);
        WriteArray(w, d.Model.Bias);
        w.Write(EndMarker);
    }

    public static IntentClassifier Read(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadUInt32() != Magic)
            {
                throw new ModelFormatException("Not an intent model file (bad magic number).");
            }

            var version = r.ReadInt32();
            if (version != CurrentVersion)
            {
                throw new ModelFormatException(CurrentVersion, version);
            }

            var fingerprint = r.ReadString();
            var settings = new FeaturizerSettings(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean(), r.ReadUInt64(), r.ReadBoolean());
            var labels = new string[CheckedCount(r.ReadInt32())];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = r.ReadString();
            }

            var oos = r.ReadInt32();
            var vocabulary = new Vocabulary(ReadArray<ulong>(r), ReadArray<int>(r), ReadArray<float>(r));
            var features = r.ReadInt32();
            var classes = r.ReadInt32();
            var model = new QuantizedModel(features, classes, ReadArray<sbyte>(r), ReadArray<float>(r), ReadArray<float>(r));
            var calibration = new Calibration(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
            var languages = new string[CheckedCount(r.ReadInt32())];
            for (var i = 0; i < languages.Length; i++)
            {
                languages[i] = r.ReadString();
            }

            var detector = new LanguageDetector(languages, r.ReadInt32(), ReadArray<float>(r), ReadArray<float>(r));
            if (r.ReadUInt32() != EndMarker || classes != labels.Length || features != vocabulary.Count)
            {
                throw new ModelFormatException("Intent model file is inconsistent or truncated.");
            }

            return new IntentClassifier(settings, vocabulary, model, labels, oos, calibration, detector, fingerprint);
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException("Intent model file is truncated.", e);
        }
    }

    private static int CheckedCount(int count) =>
        count is < 0 or > 1 << 28 ? throw new ModelFormatException($"Invalid element count {count} in intent model file.") : count;

    private static void WriteArray<T>(BinaryWriter w, T[] values)
        where T : unmanaged
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader r)
        where T : unmanaged
    {
        var values = new T[CheckedCount(r.ReadInt32())];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        var read = 0;
        while (read < bytes.Length)
        {
            var n = r.Read(bytes[read..]);
            if (n <= 0)
            {
                throw new EndOfStreamException();
            }

            read += n;
        }

        return values;
    }
}
