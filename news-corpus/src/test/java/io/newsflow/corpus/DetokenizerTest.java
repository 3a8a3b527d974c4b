package io.newsflow.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DetokenizerTest {

    private static String join(String tokens) {
        return Detokenizer.join(List.of(tokens.split(" ")));
    }

    @Test
    void punctuationAndClitics() {
        assertEquals("The minister's aides didn't say (or hint) where, when: 5%.",
                join("The minister 's aides did n't say ( or hint ) where , when : 5 % ."));
        assertEquals("It cost $12 million...", join("It cost $ 12 million ..."));
    }

    @Test
    void quotesEnclosingWords() {
        assertEquals("He said \"we will win\" and left.", join("He said \" we will win \" and left ."));
        assertEquals("\"Yes,\" she said.", join("\" Yes , \" she said ."));
        assertEquals("(\"Quoted\")", join("( \" Quoted \" )"));
    }

    @Test
    void doubledApostrophesAreOneQuoteAndALoneOneAnApostrophe() {
        assertEquals("Officials said: \"The talks failed.\"", join("Officials said : ' ' The talks failed . ' '"));
        assertEquals("Leeds' England under-21 player", join("Leeds ' England under-21 player"));
    }
}
